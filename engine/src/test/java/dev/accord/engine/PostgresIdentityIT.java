package dev.accord.engine;

/** The identity suite with every system and the store on the local PostgreSQL (ids {@code generated always as identity}). */
class PostgresIdentityIT extends IdentityDatabaseSuite {

    @Override
    IdentityDatabase database() {
        return IdentityDatabase.POSTGRES;
    }
}
