package dev.accord.activities;

import dev.accord.engine.IdentityDatabase;

/** The ambiguous-match replay on in-memory H2 (systems and store). */
class H2AmbiguousMatchReplayTest extends AmbiguousMatchReplaySuite {

    @Override
    IdentityDatabase database() {
        return IdentityDatabase.H2;
    }
}
