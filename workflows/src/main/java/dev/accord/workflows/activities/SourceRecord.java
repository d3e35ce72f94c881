package dev.accord.workflows.activities;

import java.time.Instant;
import java.util.Map;

/**
 * One row as read from the source, in local terms; see the connector's {@code SourceRow}. Column values
 * are JSON-friendly (text, numbers, booleans, ISO-8601 text for dates and times).
 *
 * @param malformed null for a record; else where the source's undecodable data is and what is wrong with it
 *     (the boundary quarantines it as MALFORMED_SOURCE)
 */
public record SourceRecord(String key, long sourceVersion, Instant timestamp, boolean deleted, Map<String, Object> columns,
                           String malformed) {

    public SourceRecord(String key, long sourceVersion, Instant timestamp, boolean deleted, Map<String, Object> columns) {
        this(key, sourceVersion, timestamp, deleted, columns, null);
    }
}
