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

    @Override
    public boolean insertsOneByOne() {
        return true;
    }

    @Override
    public boolean isDuplicateKey(SQLException e) {
        return e.getErrorCode() == DUPLICATE_KEY;
    }
}
