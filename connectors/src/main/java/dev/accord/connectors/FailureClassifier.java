package dev.accord.connectors;

import dev.accord.core.failure.ClassifiedFailure;
import dev.accord.core.failure.FailureKind;
import dev.accord.core.validation.ReasonCode;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.concurrent.TimeoutException;

/**
 * Tells the {@link FailureKind} of anything a step throws, by type and never by class name: the first
 * {@link ClassifiedFailure} in the chain of causes decides; otherwise a database's SQLSTATE does (a state of a class
 * not listed below is unexplained, whatever exception type the driver chose for it: MariaDB's driver reports a
 * trigger's {@code SIGNAL SQLSTATE '45000'} as a transient connection exception); otherwise an I/O or timeout
 * failure or a virtual machine error is availability; anything else is {@link FailureKind#UNEXPLAINED}.
 *
 * <p>SQLSTATE classes: {@code 08} connection, {@code 40} deadlock or serialization failure, {@code 53} insufficient
 * resources, {@code 57} operator intervention or statement timeout and {@code 58} system error are availability;
 * {@code 22} data exception and
 * {@code 23} integrity constraint violation are data; {@code 42} syntax or access rule, {@code 28} authorization,
 * {@code 3D}/{@code 3F} unknown catalog or schema, {@code 0A} unsupported feature are configuration.
 */
public final class FailureClassifier {

    private FailureClassifier() {}

    public static FailureKind kind(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof ClassifiedFailure classified) {
                return classified.kind();
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return kindOfSqlState(sql.getSQLState());
            }
            if (cause instanceof SQLTransientException || cause instanceof SQLRecoverableException
                    || cause instanceof IOException || cause instanceof TimeoutException || cause instanceof VirtualMachineError) {
                return FailureKind.AVAILABILITY;
            }
        }
        return FailureKind.UNEXPLAINED;
    }

    /** The reason code of a data failure: the classified one, or one derived from the SQLSTATE. */
    public static String reasonCode(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof ClassifiedFailure classified) {
                return classified.reasonCode();
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return dataReason(sql.getSQLState()).name();
            }
        }
        return ReasonCode.PROCESSING_FAILED.name();
    }

    public static FailureKind kindOfSqlState(String sqlState) {
        if (sqlState == null || sqlState.length() < 2) {
            return FailureKind.UNEXPLAINED;
        }
        String type = sqlState.substring(0, 2).toUpperCase(java.util.Locale.ROOT);
        return switch (type) {
            case "08", "40", "53", "57", "58" -> FailureKind.AVAILABILITY;
            case "22", "23" -> FailureKind.DATA;
            case "42", "28", "3D", "3F", "0A" -> FailureKind.CONFIGURATION;
            default -> FailureKind.UNEXPLAINED;
        };
    }

    /**
     * The reason code of a value a database refused: {@code 22001} string too long, {@code 22003} numeric value out
     * of range and {@code 22008} date out of range, {@code 22021}/{@code 22P05} a character the encoding cannot hold
     * (PostgreSQL refuses U+0000 in text as {@code 22P05}); any other data or constraint error is {@code TARGET_REJECTED}.
     */
    public static ReasonCode dataReason(String sqlState) {
        return switch (sqlState.toUpperCase(java.util.Locale.ROOT)) {
            case "22001" -> ReasonCode.VALUE_TOO_LONG;
            case "22003", "22008" -> ReasonCode.VALUE_OUT_OF_RANGE;
            case "22021", "22P05" -> ReasonCode.UNSUPPORTED_CHARACTER;
            default -> ReasonCode.TARGET_REJECTED;
        };
    }

    private static Throwable next(Throwable cause) {
        return cause.getCause() == cause ? null : cause.getCause();
    }
}
