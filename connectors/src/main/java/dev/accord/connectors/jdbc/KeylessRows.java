package dev.accord.connectors.jdbc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Rows whose key is NULL or blank cannot be synced, but they must not vanish either: they travel as source rows
 * with a stand-in key, so that the boundary quarantines each of them (MISSING_KEY) under a dedup key of its own.
 */
final class KeylessRows {

    private KeylessRows() {}

    /**
     * The stand-in key of a row without a key: {@code no key: updated_at 2024-03-01T12:00, row 3f2a9c1b}. It names
     * where the row is (the cursor value; none for rows read otherwise) and a digest of the row's selected values,
     * so it stays the same when the same row is read again and differs between rows that share a cursor value.
     * The digest is one-way and short: the key shows no value.
     */
    static String key(String cursorColumn, String cursorValue, List<String> columns, Map<String, Object> values) {
        String at = cursorColumn == null || cursorValue == null ? "" : cursorColumn + " " + cursorValue + ", ";
        return "no key: " + at + "row " + digest(columns, values);
    }

    /** The stand-in key of an outbox entry without a key: {@code no key: outbox crm_outbox seq 17}. */
    static String outboxKey(String outboxTable, String sequence) {
        return "no key: outbox " + outboxTable + " seq " + sequence;
    }

    private static String digest(List<String> columns, Map<String, Object> values) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String column : columns) {
                sha.update((column + "=" + JdbcValues.text(values.get(column)) + "\u0000").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
