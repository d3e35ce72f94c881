package dev.accord.connectors.jdbc;

/** Source schema drift on the local MariaDB. */
class MariaDbSourceDriftIT extends SourceDriftContract {

    @Override
    TestDatabase database() {
        return TestDatabase.mariadb();
    }
}
