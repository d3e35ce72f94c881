package dev.accord.connectors.jdbc;

import dev.accord.connectors.FailureClassifier;
import dev.accord.connectors.Redaction;
import dev.accord.core.failure.ClassifiedFailure;
import dev.accord.core.failure.FailureKind;
import java.sql.SQLException;

/**
 * A database call failed (unreachable, timed out, deadlocked, rejected). The message names the system,
 * the table, what was being done and the driver's SQLState; the transaction was rolled back, so the call
 * is safe to retry and a later attempt may succeed. The driver's message is {@linkplain Redaction redacted}
 * and its exception replaced by a redacted copy, so no bound value reaches a log or a workflow history.
 * The {@link FailureKind} follows the SQLSTATE.
 */
public final class JdbcAccessException extends RuntimeException implements ClassifiedFailure {

    private final String sqlState;
    private final FailureKind kind;

    public JdbcAccessException(String what, SQLException cause) {
        super(what + " failed: " + Redaction.message(cause.getMessage()) + " (SQLState " + cause.getSQLState() + ")",
                Redaction.sqlException(cause));
        this.sqlState = cause.getSQLState();
        FailureKind byState = FailureClassifier.kindOfSqlState(sqlState);
        this.kind = byState == FailureKind.UNEXPLAINED ? FailureClassifier.kind(cause) : byState;
    }

    /** The driver's SQLState, the reason code of a database failure; may be null. */
    public String sqlState() {
        return sqlState;
    }

    @Override
    public FailureKind kind() {
        return kind;
    }

    @Override
    public String reasonCode() {
        return kind == FailureKind.DATA ? FailureClassifier.dataReason(sqlState).name() : "SQLSTATE_" + sqlState;
    }
}
