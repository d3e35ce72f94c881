package dev.accord.workflows.codec;

import java.util.Locale;

/**
 * How Accord protects what it sends to Temporal ({@code accord.payloads.encryption}, {@code ACCORD_PAYLOADS_ENCRYPTION}).
 * {@link #FIELD} (default): readable JSON with PII values encrypted inside. {@link #PAYLOAD}: every payload
 * encrypted whole; the Temporal UI then needs the codec server to show anything.
 */
public enum PayloadEncryption {
    FIELD,
    PAYLOAD;

    public static final String ENVIRONMENT = "ACCORD_PAYLOADS_ENCRYPTION";

    public static PayloadEncryption parse(String text) {
        if (text == null || text.isBlank()) {
            return FIELD;
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new dev.accord.core.failure.InvalidRequestException("payload encryption '" + text.trim()
                    + "' is neither field nor payload (" + ENVIRONMENT + ", accord.payloads.encryption)");
        }
    }
}
