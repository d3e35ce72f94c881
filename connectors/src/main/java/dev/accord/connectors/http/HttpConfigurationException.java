package dev.accord.connectors.http;

import dev.accord.core.failure.ClassifiedFailure;
import dev.accord.core.failure.FailureKind;
/**
 * The system's HTTP settings cannot work: no base URL, credentials the API refuses ({@code 401}/{@code 403}),
 * an endpoint it does not know ({@code 404} on a list), a precondition it demands that the contract does not
 * send ({@code 428}), or a response without the ETag or version a write needs. No retry can fix it, so the
 * activities report it as a non-retryable configuration error.
 */
public final class HttpConfigurationException extends IllegalStateException implements ClassifiedFailure {
    @Override
    public FailureKind kind() {
        return FailureKind.CONFIGURATION;
    }

    @Override
    public String reasonCode() {
        return "HTTP_CONFIGURATION";
    }


    public HttpConfigurationException(String message) {
        super(message);
    }
}
