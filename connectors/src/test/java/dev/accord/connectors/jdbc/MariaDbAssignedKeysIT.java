package dev.accord.connectors.jdbc;

/** Creates in a table whose database assigns the ids, on the local MariaDB (AUTO_INCREMENT). */
class MariaDbAssignedKeysIT extends AssignedKeysContract {

    @Override
    TestDatabase database() {
        return TestDatabase.mariadb();
    }
}
