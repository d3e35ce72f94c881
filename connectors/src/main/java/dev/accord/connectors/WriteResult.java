package dev.accord.connectors;

/**
 * What one write did.
 *
 * @param newVersion the row's version after the write; null when the row no longer exists
 */
public record WriteResult(String key, Status status, Long newVersion) {

    public enum Status {
        /** The write landed. */
        APPLIED,
        /** The row no longer held the expected version (or existed when expected absent); nothing written. */
        CONFLICT
    }
}
