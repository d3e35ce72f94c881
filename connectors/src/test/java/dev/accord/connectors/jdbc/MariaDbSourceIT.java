package dev.accord.connectors.jdbc;

/** The source contract on the local MariaDB (backtick quoting, no zoned timestamp type, databases as schemas). */
class MariaDbSourceIT extends JdbcSourceContract {

    @Override
    TestDatabase database() {
        return TestDatabase.mariadb();
    }
}
