package dev.accord.cli.ops;

import dev.accord.engine.IdentityDatabase;

/** {@code accord identity link} on a record parked by the engine over PostgreSQL systems, the store on PostgreSQL. */
class PostgresIdentityLinkCommandIT extends IdentityLinkCommandSuite {

    @Override
    IdentityDatabase database() {
        return IdentityDatabase.POSTGRES;
    }
}
