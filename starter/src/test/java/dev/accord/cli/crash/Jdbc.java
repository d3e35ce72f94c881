package dev.accord.cli.crash;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** One database as the test talks to it: plain JDBC, a connection per call, no pool. */
record Jdbc(String url, String user) {

    static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String MARIADB_URL = "jdbc:mariadb://127.0.0.1:3306/test";

    static Jdbc postgres() {
        return new Jdbc(POSTGRES_URL, "postgres");
    }

    static Jdbc mariadb() {
        return new Jdbc(MARIADB_URL, "root");
    }

    interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, "");
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

    <T> List<T> query(String sql, RowReader<T> reader, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.setFetchSize(5000);
            List<T> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(reader.read(result));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("test query failed: " + sql, e);
        }
    }

    long count(String sql, Object... parameters) {
        return query(sql, r -> r.getLong(1), parameters).get(0);
    }

    /** Inserts rows with multi-row INSERT statements of up to {@code perStatement} rows, in one transaction. */
    void insert(String table, List<String> columns, List<Object[]> rows, int perStatement) {
        String tuple = "(" + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            for (int from = 0; from < rows.size(); from += perStatement) {
                List<Object[]> part = rows.subList(from, Math.min(rows.size(), from + perStatement));
                String sql = "insert into " + table + " (" + String.join(", ", columns) + ") values "
                        + String.join(", ", Collections.nCopies(part.size(), tuple));
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    int index = 1;
                    for (Object[] row : part) {
                        for (Object value : row) {
                            statement.setObject(index++, value);
                        }
                    }
                    statement.executeUpdate();
                }
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("test insert into " + table + " failed", e);
        }
    }
}
