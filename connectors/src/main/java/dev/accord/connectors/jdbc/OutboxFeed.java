package dev.accord.connectors.jdbc;

import dev.accord.connectors.SourceCursor;
import dev.accord.connectors.SourcePage;
import dev.accord.connectors.SourceRow;
import dev.accord.core.contract.DomainMapping;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads changes from an outbox table that the source's application (or a trigger) fills in the same
 * transaction as the change: one row per change, with a monotonic sequence, the key and an operation.
 * Reading by sequence is exact (no change committed late is missed) and sees hard deletes. Operation
 * {@code D} or {@code DELETE} (any case) is a delete; anything else (or no operation column) an upsert
 * carrying the main table's current row, or a delete when that row is gone. Several changes of one key
 * in a page collapse into the last, since every upsert reads the same current row anyway.
 */
final class OutboxFeed implements ChangeFeed {

    private record Entry(String sequence, Object key, String operation) {
        String keyText() {
            return JdbcValues.text(key);
        }

        boolean isDelete() {
            String op = operation == null ? "" : operation.trim().toUpperCase(Locale.ROOT);
            return op.equals("D") || op.equals("DELETE");
        }
    }

    private final MappedTable table;
    private final RowReader rows;
    private final DomainMapping.Outbox outbox;
    private volatile TableShape shape;

    OutboxFeed(MappedTable table, RowReader rows) {
        this.table = table;
        this.rows = rows;
        this.outbox = table.mapping().outbox();
    }

    @Override
    public SourcePage read(SourceCursor after, int limit) {
        String sequence = q(outbox.sequence());
        String sql = "SELECT " + columns() + " FROM " + shape().quotedName()
                + (after.isBeginning() ? "" : " WHERE " + sequence + " > ?") + " ORDER BY " + sequence + " " + table.dialect().limit();
        List<Entry> entries = query(sql, after, limit);
        Map<String, Entry> latest = new LinkedHashMap<>();
        entries.forEach(e -> {
            latest.remove(e.keyText());
            latest.put(e.keyText(), e);
        });
        List<String> upserted = latest.values().stream().filter(e -> !e.isDelete()).map(Entry::keyText).toList();
        Map<String, SourceRow> current = rows.sourcesByKeys(upserted).stream()
                .collect(Collectors.toMap(SourceRow::key, Function.identity(), (a, b) -> a));
        List<SourceRow> changes = new ArrayList<>();
        latest.values().forEach(e -> changes.add(change(e, e.isDelete() ? null : current.get(e.keyText()))));
        SourceCursor next = entries.isEmpty() ? after : position(entries.get(entries.size() - 1));
        return new SourcePage(changes, next, entries.size() == limit);
    }

    @Override
    public SourceCursor head() {
        String sql = "SELECT " + columns() + " FROM " + shape().quotedName() + " ORDER BY " + q(outbox.sequence()) + " DESC "
                + table.dialect().limit();
        List<Entry> newest = query(sql, SourceCursor.BEGINNING, 1);
        return newest.isEmpty() ? SourceCursor.BEGINNING : position(newest.get(0));
    }

    private SourceRow change(Entry entry, SourceRow row) {
        long version = Long.parseLong(entry.sequence());
        if (row == null) {
            return new SourceRow(entry.keyText(), version, Instant.now(), true, Collections.singletonMap(table.keyColumn(), entry.key()));
        }
        return new SourceRow(row.key(), version, row.timestamp(), row.deleted(), row.columns());
    }

    private List<Entry> query(String sql, SourceCursor after, int limit) {
        Column sequence = column(outbox.sequence());
        Column key = column(keyColumn());
        try (Connection connection = table.connect()) {
            return Queries.list(connection, sql, s -> {
                if (!after.isBeginning()) {
                    ValueBinder.bind(s, 1, after.position(), sequence);
                }
                s.setInt(after.isBeginning() ? 1 : 2, limit);
            }, r -> new Entry(JdbcValues.text(JdbcValues.portable(r, 1, sequence)), JdbcValues.portable(r, 2, key),
                    outbox.operationColumn() == null ? null : r.getString(3)));
        } catch (SQLException e) {
            throw new JdbcAccessException("reading the outbox " + outbox.table() + " of " + table.describe(), e);
        }
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
