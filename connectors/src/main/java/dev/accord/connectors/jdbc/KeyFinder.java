package dev.accord.connectors.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds the ids of a table's rows by column values: text compared trimmed and case-insensitively, other values by
 * equality. How a create in a system that keeps its own ids finds a row its users made for the same record.
 */
final class KeyFinder {

    private final MappedTable table;

    KeyFinder(MappedTable table) {
        this.table = table;
    }

    List<String> keysWhere(Map<String, Object> values) {
        if (values.isEmpty()) {
            return List.of();
        }
        List<String> conditions = new ArrayList<>();
        List<Column> columns = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        for (Map.Entry<String, Object> value : values.entrySet()) {
            Column column = table.column(value.getKey());
            String q = table.q(value.getKey());
            if (column.kind() == ValueKind.TEXT) {
                conditions.add("LOWER(TRIM(" + q + ")) = LOWER(TRIM(?))");
            } else {
                conditions.add(q + " = ?");
            }
            columns.add(column);
            parameters.add(value.getValue());
        }
        String sql = "SELECT " + table.q(table.keyColumn()) + " FROM " + table.table() + " WHERE " + String.join(" AND ", conditions);
        try (Connection connection = table.connect()) {
            return Queries.list(connection, sql, s -> {
                for (int i = 0; i < parameters.size(); i++) {
                    ValueBinder.bind(s, i + 1, parameters.get(i), columns.get(i));
                }
            }, row -> JdbcValues.text(row.getObject(1)));
        } catch (SQLException e) {
            throw new JdbcAccessException("looking rows up by value in " + table.describe(), e);
        }
    }
}
