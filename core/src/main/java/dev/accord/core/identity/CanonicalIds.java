package dev.accord.core.identity;

import java.time.Clock;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Mints canonical ids: UUID version 7 (RFC 9562), time-ordered by their first 48 bits (milliseconds since the epoch), so
 * ids minted later sort later and index well; the other 74 bits are random.
 */
public final class CanonicalIds {

    private final Clock clock;
    private final RandomGenerator random;

    public CanonicalIds(Clock clock, RandomGenerator random) {
        this.clock = clock;
        this.random = random;
    }

    public String mint() {
        long millis = clock.millis();
        long high = (millis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
