package dev.accord.connectors.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accord.connectors.SourceRow;
import dev.accord.connectors.TargetRow;
import dev.accord.core.contract.DomainMapping;
import dev.accord.core.contract.FieldMapping;
import dev.accord.core.contract.HttpMapping;
import dev.accord.core.contract.SystemSpec;
import dev.accord.core.mapping.Timestamps;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How one http system's records of one domain read: where the list sits in a response, the key, the mapped
 * properties as portable values (text, Long, BigDecimal, Boolean, null; objects and lists as their JSON
 * text), the cursor, the version and the ETag. A record's version is its {@code version-column} under
 * {@code concurrency: version-field}, else its ETag: the number inside it ({@code "7"}, {@code W/"7"}), or for
 * an opaque ETag a stable 63-bit hash of it.
 */
final class JsonRecords {

    private final SystemSpec system;
    private final Clock clock;
    private final DomainMapping mapping;
    private final HttpMapping http;
    private final String keyColumn;
    private final List<String> columns = new ArrayList<>();

    JsonRecords(SystemSpec system, DomainMapping mapping, String keyField, Clock clock) {
        this.clock = clock;
        this.system = system;
        this.mapping = mapping;
        this.http = mapping.http();
        this.keyColumn = mapping.keyColumn(keyField);
        mapping.fields().values().forEach(f -> columns.add(f.column()));
        if (mapping.ownsIds()) {
            // The system's own id and Accord's id in it are no mapped field, yet the mapper reads the id from the
            // columns, and the external id is what the mapper writes: both are read, as the JDBC connector does.
            addMissing(keyColumn);
            addMissing(mapping.localKey().externalId());
        }
    }

    private void addMissing(String column) {
        if (column != null && columns.stream().noneMatch(c -> c.equalsIgnoreCase(column))) {
            columns.add(column);
        }
    }

    String keyColumn() {
        return keyColumn;
    }

    HttpMapping http() {
        return http;
    }

    SystemSpec system() {
        return system;
    }

    DomainMapping mapping() {
        return mapping;
    }

    /** The records of a list response, found at the mapping's {@code records} path. */
    List<JsonNode> list(ApiResponse response) {
        JsonNode node = response.json();
        if (http.records() != null) {
            for (String part : http.records().split("\\.")) {
                node = node.path(part);
            }
        }
        if (!node.isArray()) {
            throw new HttpAccessException("system '" + system.name() + "': " + response.what() + " answered without a list of records at '"
                    + (http.records() == null ? "(the body)" : http.records()) + "'", response.status(), null);
        }
        List<JsonNode> records = new ArrayList<>();
        node.forEach(records::add);
        return records;
    }

    String key(JsonNode record) {
        JsonNode key = property(record, keyColumn);
        return key == null || key.isNull() ? null : key.asText();
    }

    /** The cursor property's text, exactly as the API writes it (it goes back to the API as the since value). */
    String cursor(JsonNode record) {
        JsonNode value = property(record, mapping.cursor());
        return value == null || value.isNull() ? null : value.asText();
    }

    SourceRow sourceRow(JsonNode record) {
        Instant timestamp = timestamp(record);
        Long version = longValue(property(record, mapping.versionColumn()));
        long sourceVersion = version != null ? version : ChronoUnit.MICROS.between(Instant.EPOCH, timestamp);
        return new SourceRow(key(record), sourceVersion, timestamp, deleted(record), columns(record));
    }

    TargetRow targetRow(JsonNode record, String etagHeader) {
        long version = http.concurrency() == HttpMapping.Concurrency.VERSION_FIELD
                ? java.util.Objects.requireNonNullElse(longValue(property(record, mapping.versionColumn())), 0L)
                : etagVersion(etag(record, etagHeader));
        return new TargetRow(key(record), version, deleted(record), columns(record));
    }

    /** The record's ETag: the response header for a single record, else the mapping's {@code etag-field}; may be null. */
    String etag(JsonNode record, String header) {
        if (header != null) {
            return header;
        }
        JsonNode field = property(record, http.etagField());
        return field == null || field.isNull() ? null : field.asText();
    }

    static long etagVersion(String etag) {
        if (etag == null) {
            return 0;
        }
        String inner = etag.replace("W/", "").replace("\"", "").trim();
        if (!inner.isEmpty() && inner.length() < 19 && inner.chars().allMatch(Character::isDigit)) {
            return Long.parseLong(inner);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(inner.getBytes(StandardCharsets.UTF_8));
            long hash = 0;
            for (int i = 0; i < 8; i++) {
                hash = (hash << 8) | (digest[i] & 0xff);
            }
            return hash & Long.MAX_VALUE;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean deleted(JsonNode record) {
        JsonNode tombstone = property(record, mapping.softDeleteColumn());
        return tombstone != null && !tombstone.isNull() && !(tombstone.isBoolean() && !tombstone.asBoolean());
    }

    Map<String, Object> columns(JsonNode record) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String column : columns) {
            JsonNode value = property(record, column);
            if (value != null) {
                values.put(column, portable(value));
            }
        }
        return values;
    }

    private Instant timestamp(JsonNode record) {
        String cursor = cursor(record);
        Instant instant = cursor == null ? null : Timestamps.toInstant(cursor, system.timezone());
        return instant != null ? instant : clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** A property by exact name, else ignoring case; null when absent. */
    private static JsonNode property(JsonNode record, String name) {
        if (name == null) {
            return null;
        }
        JsonNode exact = record.get(name);
        if (exact != null) {
            return exact;
        }
        var names = record.fieldNames();
        while (names.hasNext()) {
            String candidate = names.next();
            if (candidate.equalsIgnoreCase(name)) {
                return record.get(candidate);
            }
        }
        return null;
    }

    private static Long longValue(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return node.asLong();
        }
        try {
            return Long.parseLong(node.asText().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Object portable(JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        if (value.isIntegralNumber()) {
            return value.canConvertToLong() ? (Object) value.asLong() : value.decimalValue();
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        return value.isTextual() ? value.asText() : value.toString();
    }
}
