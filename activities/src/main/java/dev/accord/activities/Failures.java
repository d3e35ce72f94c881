package dev.accord.activities;

import dev.accord.connectors.FailureClassifier;
import dev.accord.core.failure.FailureKind;
import dev.accord.workflows.activities.NonRetryable;
import io.temporal.failure.ApplicationFailure;
import java.util.function.Supplier;

/**
 * Translates failures for Temporal by their {@link FailureKind} ({@link FailureClassifier}): problems no retry can
 * fix (a broken contract, an unknown flow or system, a missing connection setting, an invalid option, a table or
 * column that does not exist, a source schema that drifted) become non-retryable {@code ConfigurationError}
 * failures with a message that says what to fix; everything else (a database down, a conflict, an unexplained
 * failure) is retried with backoff. Either way the failure is {@linkplain RedactedFailures redacted}: the worker's
 * log and the workflow history never see the values of the records it failed on. Data failures of one record never get here: the steps quarantine
 * the record and go on. The work heartbeats while it runs ({@link Heartbeats}), so the stubs' heartbeat timeouts
 * catch a worker that died under it.
 */
final class Failures {

    static final String CONFIGURATION_ERROR = NonRetryable.CONFIGURATION_ERROR;

    private Failures() {}

    static <T> T translated(Supplier<T> work) {
        try {
            return Heartbeats.during(work);
        } catch (ApplicationFailure e) {
            throw e;
        } catch (RuntimeException e) {
            if (!causedByTheVirtualMachine(e) && FailureClassifier.kind(e) == FailureKind.CONFIGURATION) {
                throw RedactedFailures.nonRetryable(e, CONFIGURATION_ERROR);
            }
            throw RedactedFailures.retryable(e);
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
}
