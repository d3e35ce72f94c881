package dev.accord.activities;

import dev.accord.core.contract.ContractException;
import io.temporal.failure.ApplicationFailure;
import java.util.function.Supplier;

/**
 * Translates failures for Temporal: problems no retry can fix (a broken contract, an unknown flow or
 * system, a missing connection setting, an invalid option, a table or column that does not exist) become
 * non-retryable {@code ConfigurationError}
 * failures with a message that says what to fix; everything else (a database down, a conflict) is
 * rethrown and retried with backoff. The work heartbeats while it runs ({@link Heartbeats}), so the stubs'
 * heartbeat timeouts catch a worker that died under it.
 */
final class Failures {

    static final String CONFIGURATION_ERROR = "ConfigurationError";

    private Failures() {}

    static <T> T translated(Supplier<T> work) {
        try {
            return Heartbeats.during(work);
        } catch (ContractException | IllegalArgumentException e) {
            if (causedByTheVirtualMachine(e)) {
                throw e;
            }
            throw ApplicationFailure.newNonRetryableFailureWithCause(e.getMessage(), CONFIGURATION_ERROR, e);
        } catch (RuntimeException e) {
            if (isConfiguration(e)) {
                throw ApplicationFailure.newNonRetryableFailureWithCause(e.getMessage(), CONFIGURATION_ERROR, e);
            }
            throw e;
        }
    }

    /**
     * An exception that only wraps the JVM's own trouble (out of memory: closing a resource while the heap
     * is exhausted throws "Self-suppression not permitted" with the error as its cause). It says nothing about
     * the configuration, so the step stays retryable.
     */
    private static boolean causedByTheVirtualMachine(Throwable e) {
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof VirtualMachineError) {
                return true;
            }
        }
        return false;
    }

    /**
     * A configuration exception of a connector, or SQL the database rejects as such (SQLSTATE class 42:
     * syntax error or access rule violation, e.g. a table or column the contract names does not exist).
     */
    private static boolean isConfiguration(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getClass().getSimpleName().contains("Configuration")) {
                return true;
            }
            if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("42")) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
