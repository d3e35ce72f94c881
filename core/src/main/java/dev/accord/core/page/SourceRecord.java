package dev.accord.core.page;

import java.time.Instant;
import java.util.Map;

/**
 * One row as read from the source, in local terms; see the connector's {@code SourceRow}. Column values
 * are JSON-friendly (text, numbers, booleans, ISO-8601 text for dates and times).
 *
 * @param malformed null for a record; else where the source's undecodable data is and what is wrong with it
 *     (the boundary quarantines it as MALFORMED_SOURCE)
 * @param unreadable null when every value could be read; else, by column, why its value cannot be read as the type
 *     the column had when first read (the boundary quarantines the record as UNREADABLE_SOURCE_VALUE). Added after
 *     histories were recorded without it: they replay with null.
 * @param tooLargeBytes null for a record small enough to travel; else the size of a record over the per-record
 *     limit, sent without its columns (the boundary quarantines it as RECORD_TOO_LARGE). Added after histories were
 *     recorded without it: they replay with null.
 */
public record SourceRecord(String key, long sourceVersion, Instant timestamp, boolean deleted, Map<String, Object> columns,
                           String malformed, Map<String, String> unreadable, Integer tooLargeBytes) {

    public SourceRecord(String key, long sourceVersion, Instant timestamp, boolean deleted, Map<String, Object> columns,
                        String malformed, Map<String, String> unreadable) {
        this(key, sourceVersion, timestamp, deleted, columns, malformed, unreadable, null);
    }

    public SourceRecord(String key, long sourceVersion, Instant timestamp, boolean deleted, Map<String, Object> columns,
                        String malformed) {
        this(key, sourceVersion, timestamp, deleted, columns, malformed, null, null);
    }

    public SourceRecord(String key, long sourceVersion, Instant timestamp, boolean deleted, Map<String, Object> columns) {
        this(key, sourceVersion, timestamp, deleted, columns, null, null, null);
    }
}
