package dev.accord.core.contract;

import java.time.LocalDate;
import java.util.Set;

/**
 * A requirement that starts later: a field is validated as optional (with a warning when empty) until a
 * date is reached or a flag is switched on, and as required after. Exactly one of {@code date} and
 * {@code flag} is set.
 *
 * @param date the first day (UTC) on which the field is required
 * @param flag the name of the feature flag that makes it required
 */
public record RequiredFrom(LocalDate date, String flag) {

    /** Whether the requirement is in force on {@code today} with {@code flags} switched on. */
    public boolean inForce(LocalDate today, Set<String> flags) {
        return date != null ? !today.isBefore(date) : flags.contains(flag);
    }

    /** As written in the contract: the date or the flag name. */
    @Override
    public String toString() {
        return date != null ? date.toString() : "flag " + flag;
    }
}
