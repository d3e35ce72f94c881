package dev.accord.activities;

import dev.accord.engine.IdentityDatabase;

/** The ambiguous-match replay on the local PostgreSQL (systems and store). */
class PostgresAmbiguousMatchReplayIT extends AmbiguousMatchReplaySuite {

    @Override
    IdentityDatabase database() {
        return IdentityDatabase.POSTGRES;
    }
}
