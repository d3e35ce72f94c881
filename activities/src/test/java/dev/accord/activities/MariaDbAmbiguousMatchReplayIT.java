package dev.accord.activities;

import dev.accord.engine.IdentityDatabase;

/** The ambiguous-match replay on the local MariaDB (systems; the store on PostgreSQL). */
class MariaDbAmbiguousMatchReplayIT extends AmbiguousMatchReplaySuite {

    @Override
    IdentityDatabase database() {
        return IdentityDatabase.MARIADB;
    }
}
