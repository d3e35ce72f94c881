package dev.accord.connectors.jdbc;

import java.sql.SQLException;

/**
 * A database call failed (unreachable, timed out, deadlocked, rejected). The message names the system,
 * the table, what was being done and the driver's SQLState; the transaction was rolled back, so the call
 * is safe to retry and a later attempt may succeed.
 */
public final class JdbcAccessException extends RuntimeException {

    private final String sqlState;

    public JdbcAccessException(String what, SQLException cause) {
        super(what + " failed: " + cause.getMessage() + " (SQLState " + cause.getSQLState() + ")", cause);
        this.sqlState = cause.getSQLState();
    }

    /** The driver's SQLState, the reason code of a database failure; may be null. */
    public String sqlState() {
        return sqlState;
    }
}
