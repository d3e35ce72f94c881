package dev.accord.connectors.jdbc;

/** The target contract on the local MariaDB (inserts one by one, an existing key reported by error 1062). */
class MariaDbTargetIT extends JdbcTargetContract {

    @Override
    TestDatabase database() {
        return TestDatabase.mariadb();
    }
}
