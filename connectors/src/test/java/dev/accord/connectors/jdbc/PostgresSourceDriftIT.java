package dev.accord.connectors.jdbc;

/** Source schema drift on the local PostgreSQL. */
class PostgresSourceDriftIT extends SourceDriftContract {

    @Override
    TestDatabase database() {
        return TestDatabase.postgres();
    }
}
