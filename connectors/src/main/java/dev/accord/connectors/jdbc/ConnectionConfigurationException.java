package dev.accord.connectors.jdbc;

/**
 * A system's connection settings are missing or unusable (no JDBC URL, not a JDBC kind, a driver option
 * that hides per-row results). No retry can fix it: the contract or the environment must change, so the
 * activities report it as a non-retryable configuration error.
 */
public final class ConnectionConfigurationException extends IllegalStateException {

    public ConnectionConfigurationException(String message) {
        super(message);
    }
}
