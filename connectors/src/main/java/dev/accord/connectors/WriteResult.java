package dev.accord.connectors;

import dev.accord.core.validation.ReasonCode;

/**
 * What one write did.
 *
 * @param newVersion the row's version after the write; null when the row no longer exists
 * @param rejection why the target refused the write, for {@link Status#REJECTED}; null otherwise
 */
public record WriteResult(String key, Status status, Long newVersion, Rejection rejection) {

    public WriteResult(String key, Status status, Long newVersion) {
        this(key, status, newVersion, null);
    }

    /** A write the target refused because of its data; nothing of it was written. */
    public static WriteResult rejected(String key, Rejection rejection) {
        return new WriteResult(key, Status.REJECTED, null, rejection);
    }

    public enum Status {
        /** The write landed. */
        APPLIED,
        /** The row no longer held the expected version (or existed when expected absent); nothing written. */
        CONFLICT,
        /**
         * The target refused the record's values (a value its column cannot hold, a constraint, a 400 or 422 answer);
         * nothing of the record was written, and the rest of the call went ahead without it.
         */
        REJECTED
    }

    /**
     * Why a target refused one record's write, without the value itself (it may be personal data).
     *
     * @param column the local column (or property) at fault; null when the target did not say
     * @param detail what the target said, redacted
     */
    public record Rejection(ReasonCode reason, String column, String detail) {}
}
