package dev.accord.store;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.postgresql.PGConnection;

/**
 * Appends rows to a PostgreSQL table with {@code COPY … FROM STDIN}, in the caller's transaction: for the
 * store's append-only tables, where a page adds thousands of rows (a field-history row per field of every
 * record) and one INSERT per row costs PostgreSQL a parse, plan and execute each. COPY has no
 * {@code ON CONFLICT}, so it is only for rows that cannot already exist.
 */
final class PostgresCopy {

    private PostgresCopy() {}

    /**
     * @param rows each row's values in column order: text, numbers, {@link Instant}s (written in ISO-8601 UTC)
     *     or null
     */
    static void append(Connection connection, String table, List<String> columns, List<Object[]> rows) throws SQLException {
        StringBuilder csv = new StringBuilder(rows.size() * 256);
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    csv.append(',');
                }
                appendValue(csv, row[i]);
            }
            csv.append('\n');
        }
        String sql = "copy " + table + " (" + String.join(", ", columns) + ") from stdin with (format csv)";
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(csv.toString()));
        } catch (IOException e) {
            throw new SQLException("cannot copy rows into " + table + ": " + e.getMessage(), e);
        }
    }

    /** CSV: null is an empty unquoted field; text is always quoted, so an empty text stays empty text, not null. */
    private static void appendValue(StringBuilder csv, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof Number || value instanceof Instant) {
            csv.append(value);
            return;
        }
        String text = value.toString();
        csv.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                csv.append('"');
            }
            csv.append(c);
        }
        csv.append('"');
    }
}
