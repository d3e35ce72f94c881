package dev.accord.connectors;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A target's current row for one key.
 *
 * @param version the compare-and-set column's value
 * @param deleted true when the row is soft-deleted
 * @param columns column name to value, JSON-friendly like a {@link SourceRow}'s (mapped columns only)
 */
public record TargetRow(String key, long version, boolean deleted, Map<String, Object> columns) {

    public TargetRow {
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    }
}
