package dev.accord.connectors;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row as a source delivers it, in local terms. Column values are JSON-friendly so that a page can
 * travel through a workflow's history: text, whole numbers (Long), decimals (BigDecimal), booleans,
 * and ISO-8601 text for dates and timestamps (without an offset when the column has no time zone).
 *
 * @param key the record's key, as text
 * @param sourceVersion the system's version of the row: version column, outbox sequence, or the cursor
 *     timestamp in microseconds since the epoch
 * @param timestamp when the row changed at the source (the cursor value for timestamp cursors)
 * @param deleted true for a soft-deleted row or an outbox delete
 * @param columns column name to value
 */
public record SourceRow(String key, long sourceVersion, Instant timestamp, boolean deleted, Map<String, Object> columns) {

    public SourceRow {
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    }
}
