package dev.accord.connectors.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;

/**
 * One answer of an API, and what its status means for Accord: success, a conflict the caller handles, or one
 * of the typed failures (configuration, rejection, access).
 *
 * @param what the request, for messages ({@code PATCH http://…/contacts/C1})
 */
record ApiResponse(String system, String what, int status, HttpHeaders headers, byte[] body) {

    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    boolean ok() {
        return status >= 200 && status < 300;
    }

    /** A compare-and-set that did not hold: the precondition failed, or the record is gone. */
    boolean conflict() {
        return status == 412 || status == 409 || status == 404;
    }

    /**
     * The API refused this one record's content as invalid ({@code 400 Bad Request}, {@code 422 Unprocessable
     * Entity}); other records may well be accepted, so it is the record's rejection, not a failure of the call.
     */
    boolean refusesTheRecord() {
        return status == 400 || status == 422;
    }

    /** What the API said when it refused the record, redacted of values. */
    String refusal() {
        return "system '" + system + "': " + what + " answered " + status + ": " + dev.accord.connectors.Redaction.message(excerpt());
    }

    String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    /** The body as JSON; a body that is not JSON is an access failure (a proxy's error page, a cut-off answer). */
    JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new HttpAccessException("system '" + system + "': " + what + " answered " + status + " with a body that is not JSON ("
                    + "broken at character " + e.getLocation().getCharOffset() + ", " + body.length + " bytes)", status, null);
        } catch (IOException e) {
            throw new HttpAccessException("system '" + system + "': reading the answer of " + what + " failed", status, e);
        }
    }

    /** Fails with the typed exception for any status that is not a success. */
    ApiResponse requireOk() {
        if (ok()) {
            return this;
        }
        String message = "system '" + system + "': " + what + " answered " + status + ": "
                + dev.accord.connectors.Redaction.message(excerpt());
        if (status == 401 || status == 403) {
            throw new HttpConfigurationException(message + " (check the system's credentials: token, user/password or api-key)");
        }
        if (status == 428) {
            throw new HttpConfigurationException(message + " (the API wants a precondition; check the mapping's http.concurrency)");
        }
        if (status >= 500 || status == 408 || status == 429) {
            throw new HttpAccessException(message, status, null);
        }
        throw new HttpRejectedException(message, status);
    }

    private String excerpt() {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
