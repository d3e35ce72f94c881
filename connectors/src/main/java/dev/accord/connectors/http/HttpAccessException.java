package dev.accord.connectors.http;

import dev.accord.core.failure.ClassifiedFailure;
import dev.accord.core.failure.FailureKind;
/**
 * A request to an API failed in a way a later attempt may not: unreachable, timed out, a {@code 5xx} answer,
 * or a body that is not the JSON it should be. The message names the system, the method and URL, and the
 * status; the call is retried by its activity, and counts as a failure for the system's circuit breaker.
 * A write that failed this way may or may not have landed: the retry re-reads before it writes again.
 */
public final class HttpAccessException extends RuntimeException implements ClassifiedFailure {
    @Override
    public FailureKind kind() {
        return FailureKind.AVAILABILITY;
    }

    @Override
    public String reasonCode() {
        return "HTTP_" + status;
    }


    private final int status;

    public HttpAccessException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status, the reason code of an API failure; 0 when no answer came. */
    public int status() {
        return status;
    }
}
