package dev.accord.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.postgresql.PGStatement;

/** Small JDBC helpers the store's tables share: binding, reading times, IN lists. */
final class Sql {

    /** Keys per IN list, well below every driver's parameter limit. */
    static final int CHUNK = 500;

    private Sql() {}

    interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    static <T> List<T> query(Connection connection, String sql, Binder binder, RowReader<T> reader) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(reader.read(rows));
                }
                return result;
            }
        }
    }

    /** Rows to fetch at a time where a query streams its result (PostgreSQL otherwise reads the whole result into memory). */
    static final int FETCH = 1_000;

    interface RowConsumer {
        void accept(ResultSet row) throws SQLException;
    }

    /**
     * Runs a query over a result of any size, row by row, {@value #FETCH} rows fetched at a time. The
     * connection must be in a transaction (PostgreSQL streams only then).
     */
    static void forEach(Connection connection, String sql, Binder binder, RowConsumer consumer) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setFetchSize(FETCH);
            binder.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    consumer.accept(rows);
                }
            }
        }
    }

    static int update(Connection connection, String sql, Binder binder) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            return statement.executeUpdate();
        }
    }

    /**
     * The rows of {@code table} whose {@code prefix} columns hold {@code prefixValues} and whose {@code keyColumn}
     * is one of {@code keys}; the prefix and the key column must be unique together (a primary key).
     *
     * <p>On PostgreSQL this is one index lookup per key whatever the table's statistics: the keys come as one
     * array parameter, joined laterally to a one-row lookup. An IN list is planned from the statistics, and on
     * a table that was never analyzed (a store's first backfill, before autovacuum gets to it) PostgreSQL
     * takes the prefix for selective and filters every row with it against the list: one scan of the table
     * per page, so a backfill slows down as the store fills. Elsewhere (H2) an IN list, in chunks.
     *
     * @param columns the select list, over the table's columns
     * @param keys may repeat a key; each row comes once
     */
    static <T> List<T> byKeys(Connection connection, StoreDialect dialect, String columns, String table, List<String> prefix,
                              List<String> prefixValues, String keyColumn, Collection<String> keys, RowReader<T> reader)
            throws SQLException {
        if (keys.isEmpty()) {
            return List.of();
        }
        Collection<String> unique = new java.util.LinkedHashSet<>(keys);
        StringBuilder where = new StringBuilder();
        prefix.forEach(column -> where.append(column).append(" = ? and "));
        if (dialect == StoreDialect.POSTGRES) {
            String sql = "select t.* from unnest(?) as k(key) cross join lateral (select " + columns + " from " + table
                    + " where " + where + keyColumn + " = k.key limit 1) t";
            return query(connection, sql, s -> {
                // planned at every execution: a generic plan made while the table was nearly empty scans it
                s.unwrap(PGStatement.class).setPrepareThreshold(0);
                s.setArray(1, connection.createArrayOf("varchar", unique.toArray()));
                for (int i = 0; i < prefixValues.size(); i++) {
                    s.setString(i + 2, prefixValues.get(i));
                }
            }, reader);
        }
        List<T> rows = new ArrayList<>();
        for (List<String> chunk : chunks(unique)) {
            rows.addAll(query(connection, "select " + columns + " from " + table + " where " + where + keyColumn + " in "
                    + in(chunk.size()), s -> {
                        for (int i = 0; i < prefixValues.size(); i++) {
                            s.setString(i + 1, prefixValues.get(i));
                        }
                        for (int i = 0; i < chunk.size(); i++) {
                            s.setString(prefixValues.size() + i + 1, chunk.get(i));
                        }
                    }, reader));
        }
        return rows;
    }

    static String in(int count) {
        return "(" + String.join(", ", java.util.Collections.nCopies(count, "?")) + ")";
    }

    static <T> List<List<T>> chunks(Collection<T> items) {
        List<List<T>> chunks = new ArrayList<>();
        List<T> current = new ArrayList<>();
        for (T item : items) {
            current.add(item);
            if (current.size() == CHUNK) {
                chunks.add(current);
                current = new ArrayList<>();
            }
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }

    static void setTime(PreparedStatement statement, int index, Instant time) throws SQLException {
        if (time == null) {
            statement.setObject(index, null);
        } else {
            statement.setObject(index, OffsetDateTime.ofInstant(time, ZoneOffset.UTC));
        }
    }

    static Instant time(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

}
