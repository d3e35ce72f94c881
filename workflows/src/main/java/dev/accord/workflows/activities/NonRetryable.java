package dev.accord.workflows.activities;

import dev.accord.core.contract.Contract;
import dev.accord.core.contract.ContractException;
import dev.accord.core.failure.FailureKind;

/**
 * The failure types no retry can fix, in one place: every activity stub's retry options list them. Activities turn
 * every {@link FailureKind#CONFIGURATION} failure (a broken contract, an unknown flow or system, a missing setting,
 * a table or column that does not exist, a drifted source schema) into a non-retryable {@value #CONFIGURATION_ERROR};
 * the contract's own exceptions are named too, for a failure thrown before that translation.
 */
public final class NonRetryable {

    /** The type of the failure an activity raises for a configuration problem, its message saying what to fix. */
    public static final String CONFIGURATION_ERROR = "ConfigurationError";

    private static final String[] TYPES = {
        CONFIGURATION_ERROR,
        ContractException.class.getName(),
        Contract.UnknownNameException.class.getName()
    };

    private NonRetryable() {}

    /** For {@code RetryOptions.Builder.setDoNotRetry}. */
    public static String[] types() {
        return TYPES.clone();
    }
}
