package dev.accord.activities;

import dev.accord.connectors.Redaction;
import dev.accord.core.failure.ClassifiedFailure;
import io.temporal.failure.ApplicationFailure;

/**
 * What an activity failure says where an operator reads it — the worker's log (Temporal logs every failed attempt)
 * and the workflow's history — without the values of the records it failed on. Accord's own exceptions
 * ({@link ClassifiedFailure}) build their messages without values; anything else (a driver's exception, a library's
 * {@code NumberFormatException: For input string: "…"}) has its message {@linkplain Redaction redacted}. The chain of
 * causes is copied the same way, each cause naming its original type, with its stack trace.
 */
final class RedactedFailures {

    private static final int MAX_CAUSES = 8;

    private RedactedFailures() {}

    /** A retryable failure of the original's type, as Temporal would have made it, but redacted. */
    static ApplicationFailure retryable(RuntimeException e) {
        ApplicationFailure failure = ApplicationFailure.newFailureWithCause(message(e), e.getClass().getName(), copy(e.getCause(), 0));
        failure.setStackTrace(e.getStackTrace());
        return failure;
    }

    /**
     * A non-retryable failure of {@code type}; the message is Accord's own (it says what to fix), led by its reason code
     * ({@code SOURCE_SCHEMA_DRIFT: …}), the causes redacted.
     */
    static ApplicationFailure nonRetryable(RuntimeException e, String type) {
        String message = e instanceof ClassifiedFailure classified ? classified.reasonCode() + ": " + message(e) : message(e);
        ApplicationFailure failure = ApplicationFailure.newNonRetryableFailureWithCause(message, type, copy(e.getCause(), 0));
        failure.setStackTrace(e.getStackTrace());
        return failure;
    }

    private static String message(Throwable e) {
        return e instanceof ClassifiedFailure ? e.getMessage() : Redaction.message(e.getMessage());
    }

    private static Throwable copy(Throwable cause, int depth) {
        if (cause == null || depth >= MAX_CAUSES) {
            return null;
        }
        Throwable copy = new RedactedCause(cause.getClass().getName() + ": " + message(cause), copy(cause.getCause() == cause ? null
                : cause.getCause(), depth + 1));
        copy.setStackTrace(cause.getStackTrace());
        return copy;
    }

    /** A cause as an operator may read it: its original type and its message without values. */
    static final class RedactedCause extends RuntimeException {
        RedactedCause(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
