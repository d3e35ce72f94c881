package dev.accord.connectors.jdbc;

import com.zaxxer.hikari.HikariConfig;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * PostgreSQL: double-quoted identifiers, {@code ON CONFLICT (key) DO NOTHING} for inserts (an error would abort
 * the whole transaction; only the key's own conflict is a compare-and-set conflict, a UNIQUE index on another
 * column still refuses the row), {@code timestamptz} recognised by name (the driver reports it as TIMESTAMP), and
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
                + String.join(", ", Collections.nCopies(columns.size(), "?")) + ") ON CONFLICT (" + key + ") DO NOTHING";
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

    /** PostgreSQL text cannot hold U+0000 (it refuses it with 22P05). */
    @Override
    public int refusedCharacterAt(String text, Column column) {
        return text.indexOf('\u0000');
    }

    @Override
    public java.time.LocalDate[] dateRange(Column column) {
        return new java.time.LocalDate[] {java.time.LocalDate.of(-4712, 1, 1), java.time.LocalDate.of(294276, 12, 31)};
    }

    @Override
    public void configure(HikariConfig config) {
        config.setConnectionInitSql("SET TIME ZONE 'UTC'; SET idle_in_transaction_session_timeout = '" + IDLE_TRANSACTION_SECONDS + "s'");
    }
}
