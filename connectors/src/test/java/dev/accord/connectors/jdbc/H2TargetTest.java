package dev.accord.connectors.jdbc;

/** The target contract on in-memory H2 (inserts through MERGE … WHEN NOT MATCHED). */
class H2TargetTest extends JdbcTargetContract {

    @Override
    TestDatabase database() {
        return TestDatabase.h2();
    }
}
