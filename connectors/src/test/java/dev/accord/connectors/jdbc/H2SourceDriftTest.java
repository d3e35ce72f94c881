package dev.accord.connectors.jdbc;

/** Source schema drift on in-memory H2. */
class H2SourceDriftTest extends SourceDriftContract {

    @Override
    TestDatabase database() {
        return TestDatabase.h2();
    }
}
