package dev.accord.core.resolve;

import dev.accord.core.contract.Lifecycle;
import dev.accord.core.record.FieldValue;
import dev.accord.core.record.FieldVersion;
import java.util.Comparator;
import java.util.Map;

/**
 * Whether a record counts as deleted, derived from its newest tombstone and its field versions, so the
 * answer does not depend on the order changes arrived in.
 *
 * <p>A tombstone deletes unless a newer write outranks it. When the contract allows resurrection any
 * system's newer write brings the record back; otherwise only the deleting system's own newer write does
 * (it re-created the record), and other systems' later updates leave it deleted.
 */
final class Tombstones {

    private Tombstones() {}

    static boolean deleted(FieldVersion tombstone, Map<String, FieldValue> fields, Lifecycle lifecycle,
                           Comparator<FieldVersion> order) {
        if (tombstone == null) {
            return false;
        }
        return fields.values().stream()
                .map(FieldValue::version)
                .filter(v -> lifecycle.resurrect() || v.system().equals(tombstone.system()))
                .noneMatch(v -> order.compare(v, tombstone) > 0);
    }
}
