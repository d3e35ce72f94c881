package dev.accord.core.contract;

import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How a field's local value is rounded on its way to a system, when the contract asks for it ({@code round:} on a
 * field mapping): to {@code scale} decimal places of the local unit (0 by default: whole cents, say), with
 * {@code mode}. Without it, a value the target would have to round is quarantined as {@code PRECISION_LOSS}.
 */
public record Rounding(RoundingMode mode, int scale) {

    /** The contract's spelling of a mode: {@code half-even}, {@code half-up}, {@code half-down}, {@code up}, {@code down}, {@code ceiling}, {@code floor}. */
    public static Optional<RoundingMode> mode(String spelling) {
        return Arrays.stream(RoundingMode.values()).filter(m -> m != RoundingMode.UNNECESSARY && spelling(m).equals(spelling)).findFirst();
    }

    public static String spelling(RoundingMode mode) {
        return mode.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static String spellings() {
        return Arrays.stream(RoundingMode.values()).filter(m -> m != RoundingMode.UNNECESSARY).map(Rounding::spelling)
                .collect(Collectors.joining(", "));
    }
}
