package dev.accord.connectors.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds the ids of a table's rows by column values, for a page of records at once: text compared trimmed and
 * case-insensitively, other values as text. How creates in a system that keeps its own ids find the rows its users made
 * for the same records. One statement per {@value #VALUES_PER_STATEMENT} records, filtered on the first column in the
 * database (an index on {@code LOWER(TRIM(column))} keeps it from scanning the table) and on the others here.
 */
final class KeyFinder {

    static final int VALUES_PER_STATEMENT = 500;

    private final MappedTable table;

    KeyFinder(MappedTable table) {
        this.table = table;
    }

    List<List<String>> keysWhere(List<String> columns, List<List<Object>> candidates) {
        List<List<String>> found = new ArrayList<>();
        candidates.forEach(c -> found.add(new ArrayList<>()));
        if (candidates.isEmpty() || columns.isEmpty()) {
            return found;
        }
        Map<List<String>, List<Integer>> wanted = new HashMap<>();
        for (int i = 0; i < candidates.size(); i++) {
            wanted.computeIfAbsent(normalised(candidates.get(i)), k -> new ArrayList<>()).add(i);
        }
        Column first = table.column(columns.get(0));
        boolean text = first.kind() == ValueKind.TEXT;
        String compared = text ? "LOWER(TRIM(" + table.q(columns.get(0)) + "))" : table.q(columns.get(0));
        StringBuilder select = new StringBuilder("SELECT ").append(table.q(table.keyColumn()));
        columns.forEach(c -> select.append(", ").append(table.q(c)));
        select.append(" FROM ").append(table.table()).append(" WHERE ").append(compared).append(" IN (");
        List<Object> firstValues = new ArrayList<>(new LinkedHashSet<>(candidates.stream()
                .map(c -> text ? (Object) normal(c.get(0)) : c.get(0)).toList()));
        try (Connection connection = table.connect()) {
            for (int from = 0; from < firstValues.size(); from += VALUES_PER_STATEMENT) {
                List<Object> chunk = firstValues.subList(from, Math.min(firstValues.size(), from + VALUES_PER_STATEMENT));
                String sql = select + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")";
                List<List<String>> rows = Queries.list(connection, sql, s -> {
                    for (int i = 0; i < chunk.size(); i++) {
                        ValueBinder.bind(s, i + 1, chunk.get(i), first);
                    }
                }, row -> {
                    List<String> values = new ArrayList<>();
                    for (int i = 0; i <= columns.size(); i++) {
                        values.add(JdbcValues.text(row.getObject(i + 1)));
                    }
                    return values;
                });
                for (List<String> row : rows) {
                    List<Integer> owners = wanted.get(normalised(new ArrayList<>(row.subList(1, row.size()))));
                    if (owners != null) {
                        owners.forEach(i -> found.get(i).add(row.get(0)));
                    }
                }
            }
            return found;
        } catch (SQLException e) {
            throw new JdbcAccessException("looking " + candidates.size() + " rows up by value in " + table.describe(), e);
        }
    }

    private static List<String> normalised(List<?> values) {
        List<String> result = new ArrayList<>();
        values.forEach(v -> result.add(normal(v)));
        return result;
    }

    private static String normal(Object value) {
        return value == null ? null : value.toString().strip().toLowerCase(Locale.ROOT);
    }
}
