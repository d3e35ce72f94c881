package dev.accord.connectors.jdbc;

import dev.accord.connectors.ColumnDrift;
import dev.accord.connectors.SourceCursor;
import dev.accord.connectors.SourcePage;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a table in (cursor, key) order after a position: {@code cursor > p OR (cursor = p AND key > k)}.
 * Because the key breaks ties, a page boundary inside a run of rows that share one cursor value loses
 * and repeats nothing. Rows whose cursor is NULL are never read. A row committed later with a cursor
 * value below the position already read is missed; an outbox is exact where that matters.
 *
 * <p>Rows without a key are read too, when the key column may hold NULL: they sort before the keyed rows of
 * their cursor value, and a position without a key ({@code p / null}) stands after the keyless rows at
 * {@code p} and before its keyed ones ({@code cursor >= p} for keyed rows, {@code cursor > p} for keyless ones).
 * They are read apart ({@link KeylessWindow}), so that the keyed query stays the one an index on (cursor, key)
 * answers; a key column that cannot be NULL costs nothing extra.
 *
 * <p>Every query is watched for schema drift ({@link PageReader}, {@link MappedTable#reading}): the cursor and the key
 * must keep their kind, other columns' values are read as their baseline kind row by row.
 */
final class CursorFeed implements ChangeFeed {

    private final MappedTable table;
    private final RowReader rows;
    private final String cursor;

    CursorFeed(MappedTable table, RowReader rows) {
        this.table = table;
        this.rows = rows;
        this.cursor = table.mapping().cursor();
    }

    @Override
    public SourcePage read(SourceCursor after, int limit) {
        if (!rows.keyMayBeNull()) {
            List<RowValues> page = keyed(after, null, limit);
            return page(page, List.of(), page.isEmpty() ? after : position(page.get(page.size() - 1)), page.size() == limit);
        }
        return new KeylessWindow(this, limit).read(after);
    }

    @Override
    public SourceCursor head() {
        String c = table.q(cursor);
        String k = table.q(table.keyColumn());
        boolean keyless = rows.keyMayBeNull();
        String sql = "SELECT " + rows.selectList() + " FROM " + table.table() + " WHERE " + c + " IS NOT NULL"
                + (keyless ? " AND " + k + " IS NOT NULL" : "") + " ORDER BY " + c + " DESC, " + k + " DESC " + table.dialect().limit();
        List<RowValues> newest = query(sql, List.of(), 1);
        SourceCursor head = newest.isEmpty() ? SourceCursor.BEGINNING : position(newest.get(0));
        if (!keyless) {
            return head;
        }
        List<RowValues> newestKeyless = keyless(head, null, null, 1, true);
        return newestKeyless.isEmpty() ? head : position(newestKeyless.get(0));
    }

    /** Keyed rows after {@code after} and below {@code below} (exclusive, null: no bound), in (cursor, key) order. */
    List<RowValues> keyed(SourceCursor after, Object below, int limit) {
        String c = table.q(cursor);
        String k = table.q(table.keyColumn());
        List<Object> parameters = new ArrayList<>();
        String where;
        if (after.isBeginning()) {
            where = c + " IS NOT NULL";
        } else if (after.key() == null) {
            where = c + " >= ?";
            parameters.add(after.position());
        } else {
            where = "(" + c + " > ? OR (" + c + " = ? AND " + k + " > ?))";
            parameters.addAll(List.of(after.position(), after.position(), new KeyParameter(after.key())));
        }
        if (rows.keyMayBeNull()) {
            where += " AND " + k + " IS NOT NULL";
        }
        if (below != null) {
            where += " AND " + c + " < ?";
            parameters.add(below);
        }
        String sql = "SELECT " + rows.selectList() + " FROM " + table.table() + " WHERE " + where
                + " ORDER BY " + c + ", " + k + " " + table.dialect().limit();
        return query(sql, parameters, limit);
    }

    /**
     * Rows without a key after {@code after} (their cursor above its value: those at it come before it), up to
     * {@code upTo} (inclusive) and below {@code below} (exclusive), each bound optional, in cursor order
     * ({@code newestFirst}: the reverse).
     */
    List<RowValues> keyless(SourceCursor after, Object upTo, Object below, int limit, boolean newestFirst) {
        String c = table.q(cursor);
        List<Object> parameters = new ArrayList<>();
        String where = table.q(table.keyColumn()) + " IS NULL AND " + c + (after.isBeginning() ? " IS NOT NULL" : " > ?");
        if (!after.isBeginning()) {
            parameters.add(after.position());
        }
        if (upTo != null) {
            where += " AND " + c + " <= ?";
            parameters.add(upTo);
        }
        if (below != null) {
            where += " AND " + c + " < ?";
            parameters.add(below);
        }
        String sql = "SELECT " + rows.selectList() + " FROM " + table.table() + " WHERE " + where
                + " ORDER BY " + c + (newestFirst ? " DESC " : " ") + table.dialect().limit();
        return query(sql, parameters, limit);
    }

    /** The rows' cursor value, as it is bound again. */
    Object cursorOf(RowValues values) {
        return values.get(cursor);
    }

    /** The position of a row: its cursor value and its key (null for a row without one). */
    SourceCursor position(RowValues values) {
        return new SourceCursor(JdbcValues.text(values.get(cursor)), JdbcValues.text(values.get(table.keyColumn())));
    }

    /** The keyed rows, then the rows without a key. */
    SourcePage page(List<RowValues> keyed, List<RowValues> keyless, SourceCursor next, boolean hasMore) {
        List<RowValues> all = new ArrayList<>(keyed.size() + keyless.size());
        all.addAll(keyed);
        all.addAll(keyless);
        List<ColumnDrift> drift = all.stream().flatMap(r -> r.drift().stream()).distinct().toList();
        return new SourcePage(rows.sources(all), next, hasMore, drift);
    }

    String describe() {
        return table.describe() + " (key column " + table.keyColumn() + ", cursor " + cursor + ")";
    }

    /** A key position, bound in the key column's type (everything else here is a cursor value). */
    private record KeyParameter(String key) {}

    private List<RowValues> query(String sql, List<Object> parameters, int limit) {
        Column cursorColumn = table.column(cursor);
        Column keyColumn = table.column(table.keyColumn());
        return table.reading("reading changes by cursor " + cursor + " from " + table.describe(), rows.watched(), () -> {
            try (Connection connection = table.connect()) {
                return Queries.list(connection, sql, s -> {
                    int index = 1;
                    for (Object parameter : parameters) {
                        if (parameter instanceof KeyParameter key) {
                            ValueBinder.bind(s, index++, key.key(), keyColumn);
                        } else {
                            ValueBinder.bind(s, index++, parameter, cursorColumn);
                        }
                    }
                    s.setInt(index, limit);
                }, rows.reader());
            }
        });
    }
}
