package dev.accord.workflows.codec;

import dev.accord.core.failure.FailureKind;

/**
 * A process needs a payload key and none is configured, or a payload was encrypted with a key this process does not
 * know. The message says what to set; Accord never makes up a key outside the embedded and demo set-ups, since a
 * key nobody else has makes every payload it writes unreadable to the other workers.
 */
public final class MissingPayloadKeyException extends PayloadKeyException {

    public MissingPayloadKeyException(String message) {
        super(message);
    }

    @Override
    public FailureKind kind() {
        return FailureKind.CONFIGURATION;
    }

    @Override
    public String reasonCode() {
        return "PAYLOAD_KEY_MISSING";
    }
}
