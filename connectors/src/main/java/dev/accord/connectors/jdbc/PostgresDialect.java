package dev.accord.connectors.jdbc;

import com.zaxxer.hikari.HikariConfig;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * PostgreSQL: double-quoted identifiers, {@code ON CONFLICT DO NOTHING} for inserts (an error would abort
 * the whole transaction), {@code timestamptz} recognised by name (the driver reports it as TIMESTAMP), and
 * sessions in UTC so that server-side time conversions never depend on the worker's zone.
 */
final class PostgresDialect implements SqlDialect {

    @Override
    public String quote(String identifier) {
        return SqlDialect.quoteEach(identifier, '"');
    }

    @Override
    public String limit() {
        return "LIMIT ?";
    }

    @Override
    public String insertIfAbsent(String table, String key, List<String> columns) {
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", Collections.nCopies(columns.size(), "?")) + ") ON CONFLICT DO NOTHING";
    }

    @Override
    public ValueKind kind(int sqlType, String typeName) {
        String name = typeName.toLowerCase(Locale.ROOT);
        if (name.equals("timestamptz")) {
            return ValueKind.TIMESTAMP_WITH_ZONE;
        }
        if (name.equals("bit") || name.equals("varbit")) {
            return ValueKind.OTHER;
        }
        return ValueKind.of(sqlType);
    }

    @Override
    public void configure(HikariConfig config) {
        config.setConnectionInitSql("SET TIME ZONE 'UTC'");
    }
}
