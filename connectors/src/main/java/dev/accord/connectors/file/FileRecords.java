package dev.accord.connectors.file;

import dev.accord.connectors.SourceRow;
import dev.accord.core.contract.DomainMapping;
import dev.accord.core.contract.FieldMapping;
import dev.accord.core.contract.SystemSpec;
import dev.accord.core.mapping.Timestamps;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How one file system's lines become source rows: the key, the mapped columns, the version (the
 * {@code version-column} when it holds a number, else the file's modification time in milliseconds × 10⁶
 * plus the line number, so later lines and later files rank higher and a replay of the same line is the same
 * version), the change time (the {@code cursor} column when it reads as a timestamp, else the file's
 * modification time) and the tombstone (a non-empty {@code soft-delete-column}).
 */
final class FileRecords {

    private final SystemSpec system;
    private final DomainMapping mapping;
    private final String keyColumn;
    private final List<String> columns;

    FileRecords(SystemSpec system, DomainMapping mapping, String keyField) {
        this.system = system;
        this.mapping = mapping;
        this.keyColumn = mapping.keyColumn(keyField);
        List<String> mapped = new java.util.ArrayList<>(mapping.fields().values().stream().map(FieldMapping::column).toList());
        if (mapping.ownsIds()) {
            // The system's own id and Accord's id in it are no mapped field, yet the mapper reads the id from the
            // columns, and the external id is what the mapper writes: both are read and written, as by the JDBC connector.
            for (String column : java.util.Arrays.asList(keyColumn, mapping.localKey().externalId())) {
                if (column != null && mapped.stream().noneMatch(c -> c.equalsIgnoreCase(column))) {
                    mapped.add(column);
                }
            }
        }
        this.columns = List.copyOf(mapped);
    }

    String keyColumn() {
        return keyColumn;
    }

    List<String> columns() {
        return columns;
    }

    DomainMapping mapping() {
        return mapping;
    }

    String key(Map<String, Object> values) {
        Object key = values.get(keyColumn);
        return key == null || key.toString().isBlank() ? null : key.toString().trim();
    }

    SourceRow row(Path file, int line, long modifiedMillis, Map<String, Object> values) {
        Map<String, Object> mapped = new LinkedHashMap<>();
        columns.forEach(c -> {
            if (values.containsKey(c)) {
                mapped.put(c, values.get(c));
            }
        });
        String key = key(values);
        Instant timestamp = timestamp(values.get(mapping.cursor()), modifiedMillis);
        Long version = number(values.get(mapping.versionColumn()));
        long sourceVersion = version != null ? version : modifiedMillis * 1_000_000L + line;
        Object tombstone = values.get(mapping.softDeleteColumn());
        boolean deleted = tombstone != null && !tombstone.toString().isBlank() && !Boolean.FALSE.equals(tombstone);
        return new SourceRow(key != null ? key : location(file, line), sourceVersion, timestamp, deleted, mapped);
    }

    SourceRow malformed(Path file, int line, long modifiedMillis, String raw, String problem) {
        return new SourceRow(location(file, line), modifiedMillis * 1_000_000L + line, Instant.ofEpochMilli(modifiedMillis), false,
                raw == null ? Map.of() : Map.of("_raw", raw), location(file, line) + ": " + problem);
    }

    static String location(Path file, int line) {
        return file.getFileName() + " line " + line;
    }

    private Instant timestamp(Object cursor, long modifiedMillis) {
        Instant instant = cursor == null ? null : Timestamps.toInstant(cursor, system.timezone());
        return instant != null ? instant : Instant.ofEpochMilli(modifiedMillis);
    }

    static Long number(Object value) {
        if (value instanceof Long l) {
            return l;
        }
        try {
            return value == null ? null : Long.parseLong(value.toString().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
