package dev.accord.connectors.jdbc;

/** Paging past rows without a key on the local PostgreSQL, which sorts NULL last. */
class PostgresKeylessPagingIT extends KeylessPagingContract {

    @Override
    TestDatabase database() {
        return TestDatabase.postgres();
    }
}
