package dev.accord.connectors.jdbc;

import dev.accord.connectors.ColumnDrift;
import dev.accord.connectors.SourceCursor;
import dev.accord.connectors.SourcePage;
import dev.accord.connectors.SourceRow;
import dev.accord.core.contract.DomainMapping;
import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads changes from an outbox table that the source's application (or a trigger) fills in the same
 * transaction as the change: one row per change, with a monotonic sequence, the key and an operation.
 * Reading by sequence is exact (no change committed late is missed) and sees hard deletes. Operation
 * {@code D} or {@code DELETE} (any case) is a delete; anything else (or no operation column) an upsert
 * carrying the main table's current row, or a delete when that row is gone. Several changes of one key
 * in a page collapse into the last, since every upsert reads the same current row anyway. Entries whose
 * sequence is NULL are never read; an entry whose key is NULL or blank is delivered as a keyless row (the
 * boundary quarantines it as MISSING_KEY), never as a delete, and one whose key cannot be a key of the main
 * table (text in a bigint key) as an unreadable row (UNREADABLE_SOURCE_VALUE). The sequence alone orders the feed,
 * so no key can hold it up. Both tables are watched for schema drift: the sequence and key columns must keep
 * their kind.
 */
final class OutboxFeed implements ChangeFeed {

    private record Entry(String sequence, Object key, String operation) {
        String keyText() {
            return JdbcValues.text(key);
        }

        /** An entry whose key is NULL or blank names no row: it is delivered for quarantine, never as a delete. */
        boolean isKeyless() {
            return key == null || keyText().isBlank();
        }

        boolean isDelete() {
            String op = operation == null ? "" : operation.trim().toUpperCase(Locale.ROOT);
            return op.equals("D") || op.equals("DELETE");
        }
    }

    private final MappedTable table;
    private final Clock clock;
    private final RowReader rows;
    private final DomainMapping.Outbox outbox;
    private volatile TableShape shape;

    OutboxFeed(MappedTable table, RowReader rows, Clock clock) {
        this.clock = clock;
        this.table = table;
        this.rows = rows;
        this.outbox = table.mapping().outbox();
    }

    @Override
    public SourcePage read(SourceCursor after, int limit) {
        String sequence = q(outbox.sequence());
        String sql = "SELECT " + columns() + " FROM " + shape().quotedName() + " WHERE " + sequence
                + (after.isBeginning() ? " IS NOT NULL" : " > ?") + " ORDER BY " + sequence + " " + table.dialect().limit();
        List<RowValues> read = query(sql, after, limit);
        List<Entry> entries = read.stream().map(this::entry).toList();
        List<SourceRow> changes = new ArrayList<>();
        Map<String, Entry> latest = new LinkedHashMap<>();
        entries.forEach(e -> {
            if (e.isKeyless()) {
                changes.add(keyless(e));
            } else if (!fitsKeyColumn(e)) {
                changes.add(unreadableKey(e));
            } else {
                latest.remove(e.keyText());
                latest.put(e.keyText(), e);
            }
        });
        List<String> upserted = latest.values().stream().filter(e -> !e.isDelete()).map(Entry::keyText).toList();
        List<RowValues> currentValues = rows.valuesByKeys(upserted);
        Map<String, SourceRow> current = rows.sources(currentValues).stream()
                .collect(Collectors.toMap(SourceRow::key, Function.identity(), (a, b) -> a));
        latest.values().forEach(e -> changes.add(change(e, e.isDelete() ? null : current.get(e.keyText()))));
        SourceCursor next = entries.isEmpty() ? after : position(entries.get(entries.size() - 1));
        List<ColumnDrift> drift = Stream.concat(read.stream(), currentValues.stream()).flatMap(r -> r.drift().stream()).distinct().toList();
        return new SourcePage(changes, next, entries.size() == limit, drift);
    }

    @Override
    public SourceCursor head() {
        String sequence = q(outbox.sequence());
        String sql = "SELECT " + columns() + " FROM " + shape().quotedName() + " WHERE " + sequence + " IS NOT NULL ORDER BY "
                + sequence + " DESC " + table.dialect().limit();
        List<RowValues> newest = query(sql, SourceCursor.BEGINNING, 1);
        return newest.isEmpty() ? SourceCursor.BEGINNING : position(entry(newest.get(0)));
    }

    private SourceRow change(Entry entry, SourceRow row) {
        long version = Long.parseLong(entry.sequence());
        if (row == null) {
            return new SourceRow(entry.keyText(), version, clock.instant(), true, Collections.singletonMap(table.keyColumn(), entry.key()));
        }
        return new SourceRow(row.key(), version, row.timestamp(), row.deleted(), row.columns(), null, row.unreadable());
    }

    /** A keyless entry as a row the boundary quarantines (MISSING_KEY): its key column holds what the entry held. */
    private SourceRow keyless(Entry entry) {
        return new SourceRow(KeylessRows.outboxKey(outbox.table(), entry.sequence()), Long.parseLong(entry.sequence()), clock.instant(),
                false, Collections.singletonMap(table.keyColumn(), entry.key()));
    }

    /** Whether the entry's key can be one of the main table's keys; a key that cannot would fail every read of the page. */
    private boolean fitsKeyColumn(Entry entry) {
        try {
            ValueBinder.convert(entry.keyText(), table.column(table.keyColumn()));
            return true;
        } catch (ValueConversionException e) {
            return false;
        }
    }

    /** An entry whose key cannot be a key of the main table, as a row the boundary quarantines (UNREADABLE_SOURCE_VALUE). */
    private SourceRow unreadableKey(Entry entry) {
        Column key = table.column(table.keyColumn());
        return new SourceRow("unreadable key: outbox " + outbox.table() + " seq " + entry.sequence(), Long.parseLong(entry.sequence()),
                clock.instant(), false, Collections.singletonMap(table.keyColumn(), entry.keyText()), null,
                Map.of(table.keyColumn(), "outbox column " + keyColumn() + " holds a key that does not read as "
                        + SchemaDrift.type(key) + ", the type of key column " + table.keyColumn()));
    }

    private List<RowValues> query(String sql, SourceCursor after, int limit) {
        Column sequence = column(outbox.sequence());
        return table.reading("reading the outbox " + outbox.table() + " of " + table.describe(), watched(), () -> {
            try (Connection connection = table.connect()) {
                return Queries.list(connection, sql, s -> {
                    if (!after.isBeginning()) {
                        ValueBinder.bind(s, 1, after.position(), sequence);
                    }
                    s.setInt(after.isBeginning() ? 1 : 2, limit);
                }, new PageReader(table, watched()));
            }
        });
    }

    private Entry entry(RowValues values) {
        return new Entry(JdbcValues.text(values.get(outbox.sequence())), values.get(keyColumn()),
                outbox.operationColumn() == null ? null : JdbcValues.text(values.get(outbox.operationColumn())));
    }

    /** The outbox's columns as the feed reads them; the sequence orders the entries, the key selects the rows. */
    private SchemaDrift watched() {
        List<String> columns = new ArrayList<>(List.of(outbox.sequence(), keyColumn()));
        if (outbox.operationColumn() != null) {
            columns.add(outbox.operationColumn());
        }
        return new SchemaDrift(outbox.table(), this::column, columns, Set.copyOf(List.of(outbox.sequence(), keyColumn())));
    }

    private String columns() {
        String columns = q(outbox.sequence()) + ", " + q(keyColumn());
        return outbox.operationColumn() == null ? columns : columns + ", " + q(outbox.operationColumn());
    }

    private String keyColumn() {
        return outbox.keyColumn() != null ? outbox.keyColumn() : table.keyColumn();
    }

    private SourceCursor position(Entry entry) {
        return new SourceCursor(entry.sequence(), entry.keyText());
    }

    private String q(String column) {
        return table.dialect().quote(column(column).name());
    }

    private Column column(String name) {
        return table.column(shape(), outbox.table(), name);
    }

    private TableShape shape() {
        TableShape known = shape;
        if (known == null) {
            known = table.resolve(outbox.table());
            shape = known;
        }
        return known;
    }
}
