package dev.accord.connectors.jdbc;

/** Creates in a table whose database assigns the ids, on in-memory H2 (GENERATED ALWAYS AS IDENTITY, keys read back through getGeneratedKeys). */
class H2AssignedKeysTest extends AssignedKeysContract {

    @Override
    TestDatabase database() {
        return TestDatabase.h2();
    }
}
