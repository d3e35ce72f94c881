package dev.accord.connectors.jdbc;

import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/**
 * MariaDB and MySQL: backtick-quoted identifiers ({@code schema.table} names a database and table). An
 * insert whose key exists fails with duplicate-key error 1062, which InnoDB rolls back for that statement
 * alone; we rely on that instead of {@code INSERT IGNORE} (which would hide other errors) or
 * {@code ON DUPLICATE KEY UPDATE} (whose update count the driver's default found-rows mode makes 1 either way).
 */
final class MariaDbDialect implements SqlDialect {

    private static final int DUPLICATE_KEY = 1062;

    @Override
    public String quote(String identifier) {
        return SqlDialect.quoteEach(identifier, '`');
    }

    @Override
    public String limit() {
        return "LIMIT ?";
    }

    @Override
    public String insertIfAbsent(String table, String key, List<String> columns) {
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
    }

    /**
     * MariaDB 10.3 and later end a transaction idle for {@code idle_transaction_timeout} seconds; the executable
     * comment sets it only there (MySQL reads it as a comment and sets a harmless user variable).
     */
    @Override
    public void configure(com.zaxxer.hikari.HikariConfig config) {
        config.setConnectionInitSql("SET @accord_session = 1 /*M!100300 , SESSION idle_transaction_timeout = "
                + IDLE_TRANSACTION_SECONDS + " */");
    }

    @Override
    public boolean insertsOneByOne() {
        return true;
    }

    @Override
    public boolean isDuplicateKey(SQLException e) {
        return e.getErrorCode() == DUPLICATE_KEY;
    }

    /** DATE and DATETIME hold the years 1000 to 9999; TIMESTAMP the seconds of 32 bits after 1970 (to 2038-01-19). */
    @Override
    public java.time.LocalDate[] dateRange(Column column) {
        if (column.typeName().toLowerCase(java.util.Locale.ROOT).startsWith("timestamp")) {
            return new java.time.LocalDate[] {java.time.LocalDate.of(1970, 1, 2), java.time.LocalDate.of(2038, 1, 18)};
        }
        return new java.time.LocalDate[] {java.time.LocalDate.of(1000, 1, 1), java.time.LocalDate.of(9999, 12, 31)};
    }

    /**
     * MariaDB reports some refused values with SQLSTATE HY000 and a vendor code: 1366 a string its character set
     * cannot hold (a 4-byte character in a {@code utf8mb3} column) or a value that is not of the column's type,
     * 1265 a value cut short, 1048 NULL in a NOT NULL column, 4025 a CHECK constraint.
     */
    @Override
    public dev.accord.core.validation.ReasonCode dataError(SQLException e) {
        if (e.getErrorCode() == 1366 && String.valueOf(e.getMessage()).contains("string value")) {
            return dev.accord.core.validation.ReasonCode.UNSUPPORTED_CHARACTER;
        }
        dev.accord.core.validation.ReasonCode byState = SqlDialect.super.dataError(e);
        if (byState != null) {
            return byState;
        }
        return switch (e.getErrorCode()) {
            case 1366, 1265, 1048, 4025 -> dev.accord.core.validation.ReasonCode.TARGET_REJECTED;
            default -> null;
        };
    }

}
