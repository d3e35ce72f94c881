package dev.accord.core.resolve;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accord.core.record.FieldValue;
import dev.accord.core.record.FieldVersion;

/**
 * The merge strategy of one field: who may write it and which of two versions wins. The order must be
 * total and consistent, so that changes arriving in any order converge on the same golden value.
 */
public interface MergeRule {

    boolean permits(String system);

    /** Positive when {@code incoming} outranks {@code current}, zero for the same change, negative otherwise. */
    int compare(FieldVersion incoming, FieldVersion current);

    /** True when a human must decide before {@code value} from {@code incoming} may replace {@code current}. */
    default boolean needsReview(FieldValue current, FieldVersion incoming, JsonNode value) {
        return false;
    }

    /** Words for a rejected writer, used in decisions and the audit trail. */
    String whoMayWrite();
}
