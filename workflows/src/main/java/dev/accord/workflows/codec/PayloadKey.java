package dev.accord.workflows.codec;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * One 256-bit AES key Accord encrypts Temporal payloads (or the PII values inside them) with.
 *
 * @param id a short fingerprint (first 4 bytes of the key's SHA-256, hex), recorded with every encrypted value so
 *     the right key of a {@link PayloadKeyring} decrypts it and a missing key is reported by its id
 */
public record PayloadKey(byte[] bytes, String id) {

    /** One key, base64. Kept for deployments set up before key rotation; {@code ACCORD_PAYLOAD_KEYS} takes several. */
    public static final String ENVIRONMENT = "ACCORD_PAYLOAD_KEY";

    public static PayloadKey of(byte[] bytes) {
        if (bytes.length != 32) {
            throw new InvalidPayloadKeyException("a payload key is 32 bytes (256 bits), base64-encoded; this one has "
                    + bytes.length + " bytes. Make one with: head -c 32 /dev/urandom | base64");
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return new PayloadKey(bytes.clone(), HexFormat.of().formatHex(digest, 0, 4));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A key written as base64 text (surrounding blanks ignored); {@code where} names its origin in the error. */
    public static PayloadKey parse(String base64, String where) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException notBase64) {
            throw new InvalidPayloadKeyException(where + " is not base64. Make a key with: head -c 32 /dev/urandom | base64");
        }
        try {
            return of(bytes);
        } catch (InvalidPayloadKeyException wrongLength) {
            throw new InvalidPayloadKeyException(where + ": " + wrongLength.getMessage());
        }
    }

    @Override
    public String toString() {
        return "PayloadKey[" + id + "]";
    }
}
