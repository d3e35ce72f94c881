package dev.accord.connectors.jdbc;

import java.util.List;
import java.util.stream.Collectors;

/**
 * H2 (the embedded and test database): double-quoted identifiers, the standard {@code FETCH FIRST} clause,
 * and {@code MERGE … WHEN NOT MATCHED THEN INSERT} so that an existing key inserts nothing and reports 0.
 */
final class H2Dialect implements SqlDialect {

    @Override
    public String quote(String identifier) {
        return SqlDialect.quoteEach(identifier, '"');
    }

    @Override
    public String limit() {
        return "FETCH FIRST ? ROWS ONLY";
    }

    @Override
    public String insertIfAbsent(String table, String key, List<String> columns) {
        String names = String.join(", ", columns);
        return "MERGE INTO " + table + " AS d USING (VALUES (" + columns.stream().map(c -> "?").collect(Collectors.joining(", "))
                + ")) AS s (" + names + ") ON d." + key + " = s." + key
                + " WHEN NOT MATCHED THEN INSERT (" + names + ") VALUES ("
                + columns.stream().map(c -> "s." + c).collect(Collectors.joining(", ")) + ")";
    }
}
