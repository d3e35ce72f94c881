package dev.accord.connectors;

import dev.accord.core.failure.ClassifiedFailure;
import dev.accord.core.failure.FailureKind;
import java.time.Duration;

/**
 * The system cannot take calls now, and waiting is the cure: its circuit breaker is open, its bulkhead is
 * full, or the API keeps answering {@code 429 Too Many Requests} for longer than a call may wait. Nothing
 * was written by the call that threw it. The activities turn it into a hold (the workflow waits on a durable
 * timer and tries the same page again), never into a dropped or half-applied page.
 */
public final class SystemUnavailableException extends RuntimeException implements ClassifiedFailure {
    @Override
    public FailureKind kind() {
        return FailureKind.AVAILABILITY;
    }

    @Override
    public String reasonCode() {
        return reason.name();
    }


    /** Why the system is unavailable; also the reason code in messages and metrics. */
    public enum Reason { CIRCUIT_OPEN, BULKHEAD_FULL, THROTTLED }

    private final String system;
    private final Reason reason;
    private final Duration retryAfter;

    /** @param retryAfter how long the system asked to be left alone; null when it did not say */
    public SystemUnavailableException(String system, Reason reason, Duration retryAfter, String message, Throwable cause) {
        super("system '" + system + "' is unavailable (" + reason + "): " + message, cause);
        this.system = system;
        this.reason = reason;
        this.retryAfter = retryAfter;
    }

    public String system() {
        return system;
    }

    public Reason reason() {
        return reason;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** The first {@code SystemUnavailableException} in {@code e}'s causal chain, or null. */
    public static SystemUnavailableException in(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SystemUnavailableException unavailable) {
                return unavailable;
            }
        }
        return null;
    }
}
