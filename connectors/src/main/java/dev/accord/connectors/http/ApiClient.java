package dev.accord.connectors.http;

import dev.accord.connectors.SystemUnavailableException;
import dev.accord.connectors.Throttle;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Sends requests to one http system with the JDK's HTTP client: authenticated, with a timeout, paced by the
 * system's {@link Throttle}. {@code 429} and {@code 503} mean the API did not process the request, so they
 * are sent again after the {@code Retry-After} the API asks for (seconds or an HTTP date; 1 s when absent),
 * as long as that wait is at most {@code max-retry-wait} and {@code throttle-retries} allow; beyond that a
 * {@code 429} becomes a {@link SystemUnavailableException} (the sync holds) and a {@code 503} an
 * {@link HttpAccessException} (retried, and a failure for the circuit breaker). Nothing else is resent here:
 * a write that failed in flight may have landed, and only a fresh read can tell.
 */
final class ApiClient {

    private final ApiSettings settings;
    private final Throttle throttle;
    private final HttpClient client;

    ApiClient(ApiSettings settings, Throttle throttle) {
        this.settings = settings;
        this.throttle = throttle;
        this.client = HttpClient.newBuilder().connectTimeout(settings.timeout()).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    URI url(String pathAndQuery) {
        return URI.create(settings.baseUrl() + pathAndQuery);
    }

    ApiResponse get(URI url) {
        return send("GET", url, null, null);
    }

    /**
     * @param body JSON text, or null for none
     * @param headers extra headers as name, value pairs; may be null
     */
    ApiResponse send(String method, URI url, String body, String[] headers) {
        String what = method + " " + url;
        for (int attempt = 1; ; attempt++) {
            throttle.acquire();
            HttpResponse<byte[]> response = exchange(request(method, url, body, headers), what);
            int status = response.statusCode();
            if (status != 429 && status != 503) {
                return new ApiResponse(settings.system(), what, status, response.headers(), response.body());
            }
            Duration wait = retryAfter(response.headers().firstValue("Retry-After").orElse(null));
            if (wait.compareTo(settings.maxRetryWait()) > 0 || attempt > settings.throttleRetries()) {
                String message = what + " answered " + status + " " + attempt + " times; Retry-After " + wait.toSeconds() + " s";
                if (status == 429) {
                    throw new SystemUnavailableException(settings.system(), SystemUnavailableException.Reason.THROTTLED, wait, message, null);
                }
                throw new HttpAccessException("system '" + settings.system() + "': " + message, status, null);
            }
            sleep(wait, what);
        }
    }

    private HttpRequest request(String method, URI url, String body, String[] headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(url).timeout(settings.timeout()).header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            builder.header("Content-Type", "application/json");
        }
        if (settings.authorization() != null) {
            builder.header(settings.authorization()[0], settings.authorization()[1]);
        }
        for (int i = 0; headers != null && i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder.build();
    }

    private HttpResponse<byte[]> exchange(HttpRequest request, String what) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new HttpAccessException("system '" + settings.system() + "': " + what + " got no answer within "
                    + settings.timeout().toMillis() + " ms", 0, e);
        } catch (IOException e) {
            throw new HttpAccessException("system '" + settings.system() + "': " + what + " failed: " + e, 0, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HttpAccessException("system '" + settings.system() + "': " + what + " was interrupted", 0, e);
        }
    }

    /** Seconds or an HTTP date; 1 s when absent or unreadable. */
    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return Duration.ofSeconds(1);
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME));
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notADate) {
                return Duration.ofSeconds(1);
            }
        }
    }

    private void sleep(Duration wait, String what) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HttpAccessException("system '" + settings.system() + "': waiting to resend " + what + " was interrupted", 0, e);
        }
    }
}
