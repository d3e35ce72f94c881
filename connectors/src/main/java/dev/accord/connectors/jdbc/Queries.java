package dev.accord.connectors.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGStatement;

/** Runs a prepared query with its bound parameters and maps every row. */
final class Queries {

    private Queries() {}

    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    static <T> List<T> list(Connection connection, String sql, Binder binder, RowMapper<T> mapper) throws SQLException {
        return list(connection, sql, binder, mapper, false);
    }

    /**
     * Like {@link #list(Connection, String, Binder, RowMapper)}, planned for its parameters at every execution.
     * PostgreSQL otherwise switches a statement the driver has prepared on the server to one generic plan after
     * a few executions and keeps it for the connection's life: a lookup by key planned while a table was nearly
     * empty (the start of a backfill into it) stays a sequential scan after the table has grown to millions of
     * rows, until the table is analyzed. For statements run once per page, where planning costs nothing next
     * to a wrong plan.
     */
    static <T> List<T> listPlannedEachTime(Connection connection, String sql, Binder binder, RowMapper<T> mapper) throws SQLException {
        return list(connection, sql, binder, mapper, true);
    }

    private static <T> List<T> list(Connection connection, String sql, Binder binder, RowMapper<T> mapper, boolean planEachTime)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (planEachTime && statement.isWrapperFor(PGStatement.class)) {
                statement.unwrap(PGStatement.class).setPrepareThreshold(0);
            }
            binder.bind(statement);
            List<T> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(mapper.map(result));
                }
            }
            return rows;
        }
    }
}
