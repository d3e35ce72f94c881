package dev.accord.core.change;

import dev.accord.core.record.CanonicalRecord;
import dev.accord.core.record.FieldValue;
import dev.accord.core.record.FieldVersion;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one resolved change does to one golden record, with before- and after-images so it can be
 * applied, logged and inverted. Applying a change set and then its {@link #inverse()} restores the record.
 *
 * @param fields per-field before/after images, only for fields whose value or version changes
 * @param tombstoneBefore the tombstone before the change, null when none
 * @param tombstoneAfter the tombstone after the change, null when none
 */
public record ChangeSet(
        String domain, String key, List<FieldChange> fields,
        FieldVersion tombstoneBefore, FieldVersion tombstoneAfter,
        boolean deletedBefore, boolean deletedAfter) {

    public ChangeSet {
        fields = List.copyOf(fields);
    }

    public static ChangeSet none(CanonicalRecord record) {
        return new ChangeSet(record.domain(), record.key(), List.of(), record.tombstone(), record.tombstone(),
                record.deleted(), record.deleted());
    }

    public boolean isEmpty() {
        return fields.isEmpty() && java.util.Objects.equals(tombstoneBefore, tombstoneAfter) && deletedBefore == deletedAfter;
    }

    /** True when a target would see a difference: a value changed, or the record was deleted or came back. */
    public boolean changesTargets() {
        return deletedBefore != deletedAfter || (!deletedAfter && fields.stream().anyMatch(FieldChange::changesValue));
    }

    public ChangeSet inverse() {
        return new ChangeSet(domain, key, fields.stream().map(FieldChange::inverse).toList(),
                tombstoneAfter, tombstoneBefore, deletedAfter, deletedBefore);
    }

    /** Applies the after-images to {@code record}; the record must be in the before state. */
    public CanonicalRecord applyTo(CanonicalRecord record) {
        Map<String, FieldValue> values = new HashMap<>(record.fields());
        for (FieldChange change : fields) {
            if (change.after() == null) {
                values.remove(change.field());
            } else {
                values.put(change.field(), change.after());
            }
        }
        return new CanonicalRecord(record.domain(), record.key(), values, tombstoneAfter, deletedAfter);
    }
}
