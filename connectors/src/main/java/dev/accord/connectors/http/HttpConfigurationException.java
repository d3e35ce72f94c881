package dev.accord.connectors.http;

/**
 * The system's HTTP settings cannot work: no base URL, credentials the API refuses ({@code 401}/{@code 403}),
 * an endpoint it does not know ({@code 404} on a list), a precondition it demands that the contract does not
 * send ({@code 428}), or a response without the ETag or version a write needs. No retry can fix it, so the
 * activities report it as a non-retryable configuration error.
 */
public final class HttpConfigurationException extends IllegalStateException {

    public HttpConfigurationException(String message) {
        super(message);
    }
}
