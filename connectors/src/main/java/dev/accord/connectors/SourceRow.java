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
 * @param malformed null for a record; for data the source holds but could not decode into one (a line of a
 *     file that is not a record), where it is and what is wrong ({@code contacts-2.csv line 17: 5 fields,
 *     the header has 7}). Such a row goes to quarantine with reason MALFORMED_SOURCE, its key is the best the
 *     connector could find (else the location), and its columns hold the raw text under {@code _raw}.
 */
public record SourceRow(String key, long sourceVersion, Instant timestamp, boolean deleted, Map<String, Object> columns,
                        String malformed) {

    public SourceRow {
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    }

    public SourceRow(String key, long sourceVersion, Instant timestamp, boolean deleted, Map<String, Object> columns) {
        this(key, sourceVersion, timestamp, deleted, columns, null);
    }
}
