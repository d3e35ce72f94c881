package dev.accord.core.change;

import dev.accord.core.record.FieldValue;
import dev.accord.core.record.Values;

/**
 * The before- and after-image of one field of a golden record. A null image means the field was absent.
 */
public record FieldChange(String field, FieldValue before, FieldValue after) {

    public FieldChange inverse() {
        return new FieldChange(field, after, before);
    }

    /** True when the value itself changes, not only its version: targets need a write. */
    public boolean changesValue() {
        return !Values.same(before == null ? null : before.value(), after == null ? null : after.value());
    }
}
