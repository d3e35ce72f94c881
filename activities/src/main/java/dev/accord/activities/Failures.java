package dev.accord.activities;

import dev.accord.core.contract.ContractException;
import io.temporal.failure.ApplicationFailure;
import java.util.function.Supplier;

/**
 * Translates failures for Temporal: problems no retry can fix (a broken contract, an unknown flow or
 * system, a missing connection setting, an invalid option) become non-retryable {@code ConfigurationError}
 * failures with a message that says what to fix; everything else (a database down, a conflict) is
 * rethrown and retried with backoff.
 */
final class Failures {

    static final String CONFIGURATION_ERROR = "ConfigurationError";

    private Failures() {}

    static <T> T translated(Supplier<T> work) {
        try {
            return work.get();
        } catch (ContractException | IllegalArgumentException e) {
            throw ApplicationFailure.newNonRetryableFailureWithCause(e.getMessage(), CONFIGURATION_ERROR, e);
        } catch (IllegalStateException e) {
            if (isConfiguration(e)) {
                throw ApplicationFailure.newNonRetryableFailureWithCause(e.getMessage(), CONFIGURATION_ERROR, e);
            }
            throw e;
        }
    }

    private static boolean isConfiguration(Throwable e) {
        return e.getClass().getSimpleName().contains("Configuration");
    }
}
