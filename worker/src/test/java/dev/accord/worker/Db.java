package dev.accord.worker;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** One database the tests talk to directly, as the systems' own applications would: plain JDBC, no pool. */
record Db(String url, String user, String password) {

    static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String MARIADB_URL = "jdbc:mariadb://127.0.0.1:3306/test";

    static Db postgres() {
        return new Db(POSTGRES_URL, "postgres", "");
    }

    static Db mariadb() {
        return new Db(MARIADB_URL, "root", "");
    }

    static Db h2(String url) {
        return new Db(url, "sa", "");
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    void execute(String... statements) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("test SQL failed: " + String.join("; ", statements), e);
        }
    }

    /** Runs {@code sql} once per parameter row, as one batch. */
    void batch(String sql, List<Object[]> rows) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    statement.setObject(i + 1, row[i]);
                }
                statement.addBatch();
            }
            statement.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("test batch failed: " + sql, e);
        }
    }

    /** Rows as lower-case column label to the driver's value. */
    List<Map<String, Object>> rows(String sql, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                ResultSetMetaData meta = result.getMetaData();
                while (result.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), result.getObject(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("test query failed: " + sql, e);
        }
    }

    /** Rows by the text of their first column, in key order. */
    Map<String, Map<String, Object>> rowsByKey(String sql, Object... parameters) {
        Map<String, Map<String, Object>> byKey = new TreeMap<>();
        for (Map<String, Object> row : rows(sql, parameters)) {
            byKey.put(String.valueOf(row.values().iterator().next()), row);
        }
        return byKey;
    }

    long count(String sql, Object... parameters) {
        Object value = rows(sql, parameters).get(0).values().iterator().next();
        return ((Number) value).longValue();
    }
}
