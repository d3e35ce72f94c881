package dev.accord.workflows.codec;

import dev.accord.core.failure.FailureKind;

/** A configured payload key is not a base64 256-bit key. The message says where it came from, never the key. */
public final class InvalidPayloadKeyException extends PayloadKeyException {

    public InvalidPayloadKeyException(String message) {
        super(message);
    }

    @Override
    public FailureKind kind() {
        return FailureKind.CONFIGURATION;
    }

    @Override
    public String reasonCode() {
        return "PAYLOAD_KEY_INVALID";
    }
}
