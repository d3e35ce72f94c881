package dev.accord.core.record;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The golden record of one key in one domain: per field the winning value and its version, the newest
 * accepted delete (tombstone) and whether the record currently counts as deleted.
 *
 * @param tombstone the newest delete accepted for this key, or null; kept even when later updates
 *     outrank it, so that the outcome does not depend on the order changes arrive in
 */
public record CanonicalRecord(String domain, String key, Map<String, FieldValue> fields, FieldVersion tombstone, boolean deleted) {

    public CanonicalRecord {
        fields = Collections.unmodifiableMap(new TreeMap<>(fields));
    }

    public static CanonicalRecord empty(String domain, String key) {
        return new CanonicalRecord(domain, key, Map.of(), null, false);
    }

    public boolean isNew() {
        return fields.isEmpty() && tombstone == null;
    }

    public FieldValue field(String name) {
        return fields.get(name);
    }
}
