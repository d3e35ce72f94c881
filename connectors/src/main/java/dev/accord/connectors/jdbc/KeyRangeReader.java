package dev.accord.connectors.jdbc;

import dev.accord.connectors.ColumnDrift;
import dev.accord.connectors.SourceCursor;
import dev.accord.connectors.SourcePage;
import dev.accord.core.failure.InvalidRequestException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a table in key order within a key range, for backfills: the current rows, not the change stream.
 * Also splits a range into chunks of about equal row counts with one window-function query, so a chunk's
 * boundaries are real keys and no row falls between two chunks. Rows whose key is NULL belong to no key range
 * (a page ending in one would have no key to go on from; the cursor feed quarantines them); a blank key is a
 * key like any other here, and its row gets a stand-in key for quarantine.
 */
final class KeyRangeReader {

    private final MappedTable table;
    private final RowReader rows;

    KeyRangeReader(MappedTable table, RowReader rows) {
        this.table = table;
        this.rows = rows;
    }

    SourcePage read(String afterKey, String lastKey, int limit) {
        String k = table.q(table.keyColumn());
        String sql = "SELECT " + rows.selectList() + " FROM " + table.table() + where(afterKey, lastKey)
                + " ORDER BY " + k + " " + table.dialect().limit();
        Column key = table.column(table.keyColumn());
        List<RowValues> page = table.reading("reading keys after " + afterKey + " from " + table.describe(), rows.watched(), () -> {
            try (Connection connection = table.connect()) {
                return Queries.list(connection, sql, s -> {
                    int index = bindRange(s, afterKey, lastKey, key);
                    s.setInt(index, limit);
                }, rows.reader());
            }
        });
        String last = page.isEmpty() ? afterKey : JdbcValues.text(page.get(page.size() - 1).get(table.keyColumn()));
        List<ColumnDrift> drift = page.stream().flatMap(r -> r.drift().stream()).distinct().toList();
        return new SourcePage(rows.sources(page), new SourceCursor(null, last), page.size() == limit, drift);
    }

    List<String> boundaries(String firstKey, String lastKey, int rowsPerChunk) {
        if (rowsPerChunk < 1) {
            throw new InvalidRequestException("a chunk holds at least one row; asked for " + rowsPerChunk);
        }
        String k = table.q(table.keyColumn());
        String sql = "SELECT k FROM (SELECT " + k + " AS k, ROW_NUMBER() OVER (ORDER BY " + k + ") AS rn FROM " + table.table()
                + where(firstKey, lastKey) + ") numbered WHERE MOD(rn, ?) = 0 ORDER BY k";
        Column key = table.column(table.keyColumn());
        return table.reading("splitting " + table.describe() + " into chunks of " + rowsPerChunk + " rows", rows.watched(), () -> {
            try (Connection connection = table.connect()) {
                return Queries.list(connection, sql, s -> {
                    int index = bindRange(s, firstKey, lastKey, key);
                    s.setInt(index, rowsPerChunk);
                }, row -> JdbcValues.text(row.getObject(1)));
            }
        });
    }

    private String where(String afterKey, String lastKey) {
        String k = table.q(table.keyColumn());
        List<String> conditions = new ArrayList<>();
        if (rows.keyMayBeNull()) {
            conditions.add(k + " IS NOT NULL");
        }
        if (afterKey != null) {
            conditions.add(k + " > ?");
        }
        if (lastKey != null) {
            conditions.add(k + " <= ?");
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static int bindRange(java.sql.PreparedStatement s, String afterKey, String lastKey, Column key) throws SQLException {
        int index = 1;
        if (afterKey != null) {
            ValueBinder.bind(s, index++, afterKey, key);
        }
        if (lastKey != null) {
            ValueBinder.bind(s, index++, lastKey, key);
        }
        return index;
    }
}
