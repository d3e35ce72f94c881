package dev.accord.workflows.activities;

import java.time.Instant;
import java.util.Map;

/**
 * One row as read from the source, in local terms; see the connector's {@code SourceRow}. Column values
 * are JSON-friendly (text, numbers, booleans, ISO-8601 text for dates and times).
 */
public record SourceRecord(String key, long sourceVersion, Instant timestamp, boolean deleted, Map<String, Object> columns) {}
