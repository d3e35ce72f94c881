package dev.accord.connectors.jdbc;

import dev.accord.connectors.SourceCursor;
import dev.accord.connectors.SourcePage;
import dev.accord.connectors.SourceRow;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a table in (cursor, key) order after a position: {@code cursor > p OR (cursor = p AND key > k)}.
 * Because the key breaks ties, a page boundary inside a run of rows that share one cursor value loses
 * and repeats nothing. A position without a key reads from that cursor value on ({@code cursor >= p}).
 * Rows whose cursor is NULL are never read. A row committed later with a cursor
 * value below the position already read is missed; an outbox is exact where that matters.
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
        String c = table.q(cursor);
        String k = table.q(table.keyColumn());
        String where = after.isBeginning() ? c + " IS NOT NULL"
                : after.key() == null ? c + " >= ?"
                : c + " > ? OR (" + c + " = ? AND " + k + " > ?)";
        String sql = "SELECT " + rows.selectList() + " FROM " + table.table() + " WHERE " + where
                + " ORDER BY " + c + ", " + k + " " + table.dialect().limit();
        List<Map<String, Object>> page = query(sql, after, limit);
        List<SourceRow> changes = new ArrayList<>(page.size());
        page.forEach(values -> changes.add(rows.source(values)));
        SourceCursor next = page.isEmpty() ? after : position(page.get(page.size() - 1));
        return new SourcePage(changes, next, page.size() == limit);
    }

    @Override
    public SourceCursor head() {
        String c = table.q(cursor);
        String k = table.q(table.keyColumn());
        String sql = "SELECT " + rows.selectList() + " FROM " + table.table() + " WHERE " + c + " IS NOT NULL"
                + " ORDER BY " + c + " DESC, " + k + " DESC " + table.dialect().limit();
        List<Map<String, Object>> newest = query(sql, SourceCursor.BEGINNING, 1);
        return newest.isEmpty() ? SourceCursor.BEGINNING : position(newest.get(0));
    }

    private List<Map<String, Object>> query(String sql, SourceCursor after, int limit) {
        Column cursorColumn = table.column(cursor);
        Column keyColumn = table.column(table.keyColumn());
        try (Connection connection = table.connect()) {
            return Queries.list(connection, sql, s -> {
                int index = 1;
                if (!after.isBeginning()) {
                    ValueBinder.bind(s, index++, after.position(), cursorColumn);
                    if (after.key() != null) {
                        ValueBinder.bind(s, index++, after.position(), cursorColumn);
                        ValueBinder.bind(s, index++, after.key(), keyColumn);
                    }
                }
                s.setInt(index, limit);
            }, rows::portable);
        } catch (SQLException e) {
            throw new JdbcAccessException("reading changes by cursor " + cursor + " from " + table.describe(), e);
        }
    }

    private SourceCursor position(Map<String, Object> values) {
        return new SourceCursor(JdbcValues.text(values.get(cursor)), JdbcValues.text(values.get(table.keyColumn())));
    }
}
