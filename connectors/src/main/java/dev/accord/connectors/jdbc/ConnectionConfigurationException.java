package dev.accord.connectors.jdbc;

import dev.accord.core.failure.ClassifiedFailure;
import dev.accord.core.failure.FailureKind;
/**
 * A system's connection settings are missing or unusable (no JDBC URL, not a JDBC kind, a driver option
 * that hides per-row results). No retry can fix it: the contract or the environment must change, so the
 * activities report it as a non-retryable configuration error.
 */
public final class ConnectionConfigurationException extends IllegalStateException implements ClassifiedFailure {
    @Override
    public FailureKind kind() {
        return FailureKind.CONFIGURATION;
    }

    @Override
    public String reasonCode() {
        return "CONNECTION_CONFIGURATION";
    }


    public ConnectionConfigurationException(String message) {
        super(message);
    }
}
