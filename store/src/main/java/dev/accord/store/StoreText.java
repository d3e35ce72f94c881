package dev.accord.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Text from outside (a record's key, a JSON path, a workflow id, an HTTP method or path) made to fit the
 * store's column, so that recording it can never fail: a value that fits is stored unchanged; a longer one
 * as its beginning, {@value #MARK} and the first {@value #HASH_CHARS} hex digits of the SHA-256 of the whole
 * value. The result is deterministic, so a value fitted twice is the same text and a unique constraint over
 * fitted columns still finds the entry recorded before (quarantining the same change again adds nothing),
 * and two long values with the same beginning stay apart.
 *
 * <p>PostgreSQL cannot store the NUL character in text; a value holding one is fitted the same way, with
 * each NUL shown as U+FFFD in the kept beginning.
 */
public final class StoreText {

    /** Marks a fitted value: what follows is the hash of the whole value. */
    public static final String MARK = "…#";
    static final int HASH_CHARS = 16;

    private StoreText() {}

    /** {@code value} if it fits in {@code maxChars} characters and can be stored; else its prefix and hash. */
    public static String fit(String value, int maxChars) {
        if (value == null) {
            return null;
        }
        boolean storable = value.indexOf('\0') < 0;
        if (storable && value.length() <= maxChars) {
            return value;
        }
        String hash = sha256(value).substring(0, HASH_CHARS);
        int room = maxChars - MARK.length() - HASH_CHARS;
        if (room < 1) {
            return hash.substring(0, Math.max(0, Math.min(maxChars, HASH_CHARS)));
        }
        int end = Math.min(room, value.length());
        if (end < value.length() && Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(0, end).replace('\0', '\uFFFD') + MARK + hash;
    }

    /** For unbounded (text) columns: {@code value} unless it holds a NUL, which only the hashed form can store. */
    public static String storable(String value) {
        return fit(value, Integer.MAX_VALUE);
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
