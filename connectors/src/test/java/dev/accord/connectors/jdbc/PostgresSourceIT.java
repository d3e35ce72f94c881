package dev.accord.connectors.jdbc;

/** The source contract on the local PostgreSQL (timestamptz, quoted identifiers folded to lower case). */
class PostgresSourceIT extends JdbcSourceContract {

    @Override
    TestDatabase database() {
        return TestDatabase.postgres();
    }
}
