package dev.accord.engine;

/** The identity suite with every system on the local MariaDB ({@code AUTO_INCREMENT} ids), the store on PostgreSQL. */
class MariaDbIdentityIT extends IdentityDatabaseSuite {

    @Override
    IdentityDatabase database() {
        return IdentityDatabase.MARIADB;
    }
}
