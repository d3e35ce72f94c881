package dev.accord.core.failure;

/**
 * The four kinds of trouble a step can run into, each with its own answer (docs/errors.md):
 * <ul>
 *   <li>{@link #AVAILABILITY}: a system (or the Accord store) cannot be reached or answer now: connection lost,
 *       timeout, 5xx, 429, a deadlock or serialization failure. Retried with backoff, without limit, and counted by
 *       that system's circuit breaker.</li>
 *   <li>{@link #DATA}: one record's value is one a system rejects or cannot hold, or a source value that cannot be
 *       read. That record goes to quarantine with a reason code; the rest of its page goes on; breakers untouched.</li>
 *   <li>{@link #CONFIGURATION}: the setup is wrong (contract, missing table or setting, a source's schema that drifted
 *       under a running flow). The run stops with one non-retryable failure that says what to fix.</li>
 *   <li>{@link #UNEXPLAINED}: anything not classified. Retried like availability; a record that keeps failing this way
 *       after a bounded number of attempts is <em>poison</em> and quarantined as {@code PROCESSING_FAILED}.</li>
 * </ul>
 */
public enum FailureKind {
    AVAILABILITY,
    DATA,
    CONFIGURATION,
    UNEXPLAINED;

    /** Whether retrying the same step may succeed (availability and unexplained failures). */
    public boolean retryable() {
        return this == AVAILABILITY || this == UNEXPLAINED;
    }
}
