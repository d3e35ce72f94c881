package dev.accord.core.validation;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * What decides whether a {@code required-from} rule is in force: the day (UTC) and the feature flags that
 * are switched on. Passed in, so validation stays a pure function of its inputs.
 */
public record Requirements(LocalDate today, Set<String> flags) {

    public Requirements {
        flags = Set.copyOf(flags);
    }

    /** Today in UTC, no flags. */
    public static Requirements asOfNow() {
        return new Requirements(LocalDate.now(ZoneOffset.UTC), Set.of());
    }
}
