package dev.accord.connectors.http;

import dev.accord.core.failure.ClassifiedFailure;
import dev.accord.core.failure.FailureKind;
/**
 * The API refused a request as invalid ({@code 400}, {@code 422} and other {@code 4xx} without a meaning of
 * their own): the same request would be refused again, so it is not retried (it is an
 * {@link IllegalArgumentException}). The message carries the API's own explanation.
 */
public final class HttpRejectedException extends IllegalArgumentException implements ClassifiedFailure {
    @Override
    public FailureKind kind() {
        return FailureKind.DATA;
    }

    @Override
    public String reasonCode() {
        return "TARGET_REJECTED";
    }


    private final int status;

    public HttpRejectedException(String message, int status) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
