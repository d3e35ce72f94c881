package dev.accord.core.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Optional;

/**
 * When a field change goes to a human, and what happens if nobody decides. A numeric change that drops or
 * rises by more than the given percentage is parked for review whatever the field's merge strategy (for
 * example "a credit limit that drops by more than 50%"); under merge {@code review} every overwrite by
 * another system is parked anyway. A review that waits past {@code deadline} escalates and applies
 * {@code defaultAction}.
 *
 * @param dropsByMoreThan percent (0–100) a value may fall before a human decides; null for no limit
 * @param risesByMoreThan percent a value may grow before a human decides; null for no limit
 * @param deadline how long a parked change waits for a decision
 * @param defaultAction {@code approve} or {@code reject}, applied at the deadline
 */
public record ReviewRule(BigDecimal dropsByMoreThan, BigDecimal risesByMoreThan, Duration deadline, String defaultAction) {

    /** The safe default: wait a day, then keep the golden value. */
    public static final ReviewRule DEFAULTS = new ReviewRule(null, null, Duration.ofHours(24), "reject");

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** Whether the rule parks numeric changes by their size. */
    public boolean watchesChanges() {
        return dropsByMoreThan != null || risesByMoreThan != null;
    }

    /**
     * Why changing {@code before} into {@code after} needs a human, or empty when it does not. Only numbers
     * are compared; a change from or to nothing, or from zero, is left to the merge strategy.
     */
    public Optional<String> trigger(JsonNode before, JsonNode after) {
        if (!watchesChanges() || before == null || after == null || !before.isNumber() || !after.isNumber()) {
            return Optional.empty();
        }
        BigDecimal from = before.decimalValue();
        BigDecimal to = after.decimalValue();
        if (from.signum() <= 0) {
            return Optional.empty();
        }
        BigDecimal percent = to.subtract(from).multiply(HUNDRED).divide(from, 2, RoundingMode.HALF_UP);
        if (dropsByMoreThan != null && percent.negate().compareTo(dropsByMoreThan) > 0) {
            return Optional.of("drops by " + percent.negate().stripTrailingZeros().toPlainString() + "% (from " + from.toPlainString()
                    + " to " + to.toPlainString() + "), more than the " + dropsByMoreThan.toPlainString() + "% the contract allows without review");
        }
        if (risesByMoreThan != null && percent.compareTo(risesByMoreThan) > 0) {
            return Optional.of("rises by " + percent.stripTrailingZeros().toPlainString() + "% (from " + from.toPlainString()
                    + " to " + to.toPlainString() + "), more than the " + risesByMoreThan.toPlainString() + "% the contract allows without review");
        }
        return Optional.empty();
    }
}
