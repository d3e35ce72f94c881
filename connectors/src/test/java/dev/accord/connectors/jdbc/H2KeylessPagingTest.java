package dev.accord.connectors.jdbc;

/** Paging past rows without a key on in-memory H2, which sorts NULL first. */
class H2KeylessPagingTest extends KeylessPagingContract {

    @Override
    TestDatabase database() {
        return TestDatabase.h2();
    }
}
