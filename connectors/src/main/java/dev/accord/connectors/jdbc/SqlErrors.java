package dev.accord.connectors.jdbc;

import dev.accord.core.validation.ReasonCode;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what a database's refusal says: the most specific exception in its chain, the data error, the column. */
final class SqlErrors {

    /** PostgreSQL {@code column "x"}, MariaDB {@code column `db`.`t`.`x`} or {@code column 'x'}, H2 {@code column "X"}. */
    private static final Pattern COLUMN = Pattern.compile("(?i)column ((?:[`'\"]?[\\w$]+[`'\"]?\\.)*)[`'\"]?([\\w$]+)[`'\"]?");

    private SqlErrors() {}

    /** The data error {@code e} (or a next exception or cause of it) reports, or null when it reports none. */
    static Refusal refusal(SQLException e, SqlDialect dialect) {
        for (Throwable cause = e; cause != null; cause = next(cause)) {
            if (cause instanceof SQLException sql) {
                ReasonCode reason = dialect.dataError(sql);
                if (reason != null) {
                    return new Refusal(reason, column(sql.getMessage()), sql.getMessage());
                }
            }
        }
        return null;
    }

    /** @param message the database's own words, not yet redacted */
    record Refusal(ReasonCode reason, String column, String message) {}

    private static String column(String message) {
        if (message == null) {
            return null;
        }
        Matcher m = COLUMN.matcher(message);
        return m.find() ? m.group(2) : null;
    }

    private static Throwable next(Throwable cause) {
        if (cause instanceof SQLException sql && sql.getNextException() != null && sql.getNextException() != cause) {
            return sql.getNextException();
        }
        return cause.getCause() == cause ? null : cause.getCause();
    }
}
