package dev.accord.connectors.jdbc;

/**
 * Creates in a table whose database assigns the ids, on the local PostgreSQL (GENERATED ALWAYS AS IDENTITY: an
 * insert that named the key column would be refused; the new id comes back through RETURNING).
 */
class PostgresAssignedKeysIT extends AssignedKeysContract {

    @Override
    TestDatabase database() {
        return TestDatabase.postgres();
    }
}
