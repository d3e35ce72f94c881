package dev.accord.connectors.jdbc;

/** The source contract on in-memory H2, which stores unquoted names in upper case. */
class H2SourceTest extends JdbcSourceContract {

    @Override
    TestDatabase database() {
        return TestDatabase.h2();
    }
}
