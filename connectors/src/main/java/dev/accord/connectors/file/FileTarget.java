package dev.accord.connectors.file;

import dev.accord.connectors.TargetConnector;
import dev.accord.connectors.TargetRow;
import dev.accord.connectors.TargetWrite;
import dev.accord.connectors.WriteResult;
import dev.accord.core.contract.DeleteMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Exports one domain to one JSONL or CSV file, a row per record in key order, with the version column
 * (compare-and-set: each write bumps it by one) and, for soft deletes, the tombstone column. {@link #apply}
 * reads the file, applies the writes in order and replaces the file atomically (a temporary file moved over
 * it), so a reader sees the file before or after a call, never half of it. Calls are serialised per target.
 */
final class FileTarget implements TargetConnector {

    private final Path file;
    private final Clock clock;
    private final FileRecords records;
    private final LineCodec codec;
    private final Charset encoding;
    private final String versionColumn;
    private final List<String> header = new ArrayList<>();

    FileTarget(Path file, FileRecords records, LineCodec codec, Clock clock) {
        this.clock = clock;
        this.file = file;
        this.records = records;
        this.codec = codec;
        this.encoding = records.mapping().file().encoding();
        this.versionColumn = records.mapping().versionColumn();
        if (versionColumn == null) {
            throw new FileConfigurationException("file target " + file + " needs a version-column to compare and set"
                    + " (domain '" + records.mapping().domain() + "'); add version-column: version to its mapping");
        }
        header.add(records.keyColumn());
        records.columns().stream().filter(c -> !header.contains(c)).sorted().forEach(header::add);
        header.add(versionColumn);
        if (records.mapping().softDeleteColumn() != null) {
            header.add(records.mapping().softDeleteColumn());
        }
    }

    @Override
    public synchronized Map<String, TargetRow> readByKeys(Collection<String> keys) {
        Map<String, Map<String, Object>> rows = load();
        Map<String, TargetRow> found = new LinkedHashMap<>();
        for (String key : keys) {
            Map<String, Object> row = rows.get(key);
            if (row != null) {
                Map<String, Object> columns = new LinkedHashMap<>();
                records.columns().forEach(c -> columns.put(c, row.get(c)));
                Object tombstone = row.get(records.mapping().softDeleteColumn());
                found.put(key, new TargetRow(key, version(row), tombstone != null && !tombstone.toString().isBlank(), columns));
            }
        }
        return found;
    }

    @Override
    public synchronized List<WriteResult> apply(List<TargetWrite> writes) {
        Map<String, Map<String, Object>> rows = load();
        List<WriteResult> results = new ArrayList<>();
        for (TargetWrite write : writes) {
            results.add(apply(rows, write));
        }
        save(rows);
        return results;
    }

    private WriteResult apply(Map<String, Map<String, Object>> rows, TargetWrite write) {
        Map<String, Object> row = rows.get(write.key());
        if (write.expectedVersion() == null) {
            if (row != null || write.kind() != TargetWrite.Kind.UPSERT) {
                return new WriteResult(write.key(), WriteResult.Status.CONFLICT, null);
            }
            Map<String, Object> created = new LinkedHashMap<>();
            created.put(records.keyColumn(), write.key());
            write.columns().forEach((c, v) -> created.put(c, value(v)));
            created.put(versionColumn, 1L);
            rows.put(write.key(), created);
            return new WriteResult(write.key(), WriteResult.Status.APPLIED, 1L);
        }
        if (row == null || version(row) != write.expectedVersion()) {
            return new WriteResult(write.key(), WriteResult.Status.CONFLICT, null);
        }
        String tombstone = records.mapping().softDeleteColumn();
        boolean remove = write.kind() == TargetWrite.Kind.REMOVE
                || (write.kind() == TargetWrite.Kind.DELETE && records.mapping().delete() != DeleteMode.SOFT);
        if (remove) {
            rows.remove(write.key());
            return new WriteResult(write.key(), WriteResult.Status.APPLIED, null);
        }
        switch (write.kind()) {
            case UPSERT -> write.columns().forEach((c, v) -> {
                if (!c.equals(records.keyColumn()) && !c.equals(versionColumn)) {
                    row.put(c, value(v));
                }
            });
            case DELETE -> row.put(tombstone, clock.instant().truncatedTo(ChronoUnit.MICROS).toString());
            default -> row.put(tombstone, null);
        }
        long version = write.expectedVersion() + 1;
        row.put(versionColumn, version);
        return new WriteResult(write.key(), WriteResult.Status.APPLIED, version);
    }

    private Map<String, Map<String, Object>> load() {
        Map<String, Map<String, Object>> rows = new TreeMap<>();
        if (!Files.exists(file)) {
            return rows;
        }
        List<String> fileHeader = null;
        for (FileLines.Line line : new FileLines(file, encoding).lines()) {
            try {
                if (line.text() == null) {
                    throw new LineCodec.Malformed(line.undecodable());
                }
                if (codec.csv() && line.number() == 1) {
                    fileHeader = codec.header(line.text());
                } else if (!line.text().isBlank()) {
                    Map<String, Object> row = codec.parse(line.text(), fileHeader);
                    rows.put(records.key(row), row);
                }
            } catch (LineCodec.Malformed e) {
                throw new FileConfigurationException("the export file " + file + " line " + line.number() + " is not a record ("
                        + e.getMessage() + "); only Accord writes it");
            }
        }
        return rows;
    }

    private void save(Map<String, Map<String, Object>> rows) {
        StringBuilder text = new StringBuilder();
        if (codec.csv()) {
            text.append(codec.formatHeader(header)).append('\n');
        }
        rows.values().forEach(row -> text.append(codec.format(row, header)).append('\n'));
        try {
            Path folder = file.toAbsolutePath().getParent();
            Files.createDirectories(folder);
            Path temporary = Files.createTempFile(folder, file.getFileName().toString(), ".tmp");
            Files.writeString(temporary, text, encoding);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the export file " + file, e);
        }
    }

    private long version(Map<String, Object> row) {
        Long version = FileRecords.number(row.get(versionColumn));
        return version == null ? 0 : version;
    }

    private static Object value(Object value) {
        return value instanceof TemporalAccessor ? value.toString() : value;
    }
}
