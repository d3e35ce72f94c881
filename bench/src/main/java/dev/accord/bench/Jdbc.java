package dev.accord.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** One database as the harness talks to it: plain JDBC, a connection per call. */
record Jdbc(String url, String user) {

    static final String POSTGRES_HOST = "jdbc:postgresql://127.0.0.1:5432/";
    static final String MARIADB_HOST = "jdbc:mariadb://127.0.0.1:3306/";

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, "");
    }

    void execute(String... statements) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new BenchException("SQL failed on " + url + ": " + String.join("; ", statements), e);
        }
    }

    /** The first column of the first row, or null when there is none. */
    String text(String sql) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet result = statement.executeQuery()) {
            return result.next() ? result.getString(1) : null;
        } catch (SQLException e) {
            throw new BenchException("query failed on " + url + ": " + sql, e);
        }
    }

    long count(String sql) {
        String value = text(sql);
        return value == null ? 0 : Long.parseLong(value);
    }
}
