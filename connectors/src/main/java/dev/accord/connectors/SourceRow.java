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
 * @param unreadable null when every value could be read; else, by column, why that column's value cannot be read as
 *     the type the column had when the connector first read the table ({@code column qty was integer (int4) when first
 *     read, is now text (varchar); this value does not read as integer}), never the value itself. Such a row goes to
 *     quarantine with reason UNREADABLE_SOURCE_VALUE; its columns hold those values as text.
 */
public record SourceRow(String key, long sourceVersion, Instant timestamp, boolean deleted, Map<String, Object> columns,
                        String malformed, Map<String, String> unreadable) {

    public SourceRow {
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        unreadable = unreadable == null || unreadable.isEmpty() ? null : Collections.unmodifiableMap(new LinkedHashMap<>(unreadable));
    }

    public SourceRow(String key, long sourceVersion, Instant timestamp, boolean deleted, Map<String, Object> columns,
                     String malformed) {
        this(key, sourceVersion, timestamp, deleted, columns, malformed, null);
    }

    public SourceRow(String key, long sourceVersion, Instant timestamp, boolean deleted, Map<String, Object> columns) {
        this(key, sourceVersion, timestamp, deleted, columns, null, null);
    }

    /** The same row under another key (a stand-in key, numbered). */
    public SourceRow withKey(String newKey) {
        return new SourceRow(newKey, sourceVersion, timestamp, deleted, columns, malformed, unreadable);
    }
}
