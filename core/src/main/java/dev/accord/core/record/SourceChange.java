package dev.accord.core.record;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One normalised change from one system, in canonical terms: the fields it carries, or a delete.
 *
 * @param sourceVersion the system's version of the record: monotonic per system and key
 *     (a version column, an outbox sequence, or the cursor timestamp in microseconds)
 * @param timestamp when the change happened at the source, in UTC
 * @param fields canonical field name to canonical value (JSON null for a cleared field); empty for a delete
 */
public record SourceChange(
        String system, String domain, String key, long sourceVersion, Instant timestamp,
        Map<String, JsonNode> fields, boolean delete) {

    public SourceChange {
        fields = Collections.unmodifiableMap(new TreeMap<>(fields));
    }

    public static SourceChange upsert(String system, String domain, String key, long sourceVersion, Instant timestamp,
                                      Map<String, JsonNode> fields) {
        return new SourceChange(system, domain, key, sourceVersion, timestamp, fields, false);
    }

    public static SourceChange deletion(String system, String domain, String key, long sourceVersion, Instant timestamp) {
        return new SourceChange(system, domain, key, sourceVersion, timestamp, Map.of(), true);
    }

    public DedupKey dedupKey() {
        return new DedupKey(system, domain, key, sourceVersion);
    }

    public FieldVersion version() {
        return new FieldVersion(system, sourceVersion, timestamp);
    }
}
