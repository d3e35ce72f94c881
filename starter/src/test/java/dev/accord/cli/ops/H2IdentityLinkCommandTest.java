package dev.accord.cli.ops;

import dev.accord.engine.IdentityDatabase;

/** {@code accord identity link} on a record parked by the engine over H2 systems and an H2 store. */
class H2IdentityLinkCommandTest extends IdentityLinkCommandSuite {

    @Override
    IdentityDatabase database() {
        return IdentityDatabase.H2;
    }
}
