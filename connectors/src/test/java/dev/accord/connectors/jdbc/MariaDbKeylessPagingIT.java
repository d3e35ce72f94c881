package dev.accord.connectors.jdbc;

/** Paging past rows without a key on the local MariaDB, which sorts NULL first. */
class MariaDbKeylessPagingIT extends KeylessPagingContract {

    @Override
    TestDatabase database() {
        return TestDatabase.mariadb();
    }
}
