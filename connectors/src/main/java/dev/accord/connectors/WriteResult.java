package dev.accord.connectors;

import dev.accord.core.validation.ReasonCode;

/**
 * What one write did.
 *
 * @param newVersion the row's version after the write; null when the row no longer exists
 * @param rejection why the target refused the write, for {@link Status#REJECTED}; null otherwise
 * @param assignedKey for a create in a system that assigns its own ids (the write's key is then the canonical id): the
 *     id the system gave the new row ({@link Status#APPLIED}), or the id of the row found already holding the canonical
 *     id in its external-id column, created by an earlier attempt ({@link Status#CONFLICT}: link it, re-read, plan again);
 *     null otherwise
 */
public record WriteResult(String key, Status status, Long newVersion, Rejection rejection, String assignedKey) {

    public WriteResult(String key, Status status, Long newVersion, Rejection rejection) {
        this(key, status, newVersion, rejection, null);
    }

    public WriteResult(String key, Status status, Long newVersion) {
        this(key, status, newVersion, null, null);
    }

    /** A create that landed in a system that assigns its own ids: {@code assignedKey} is the id the system gave the row. */
    public static WriteResult created(String key, Long newVersion, String assignedKey) {
        return new WriteResult(key, Status.APPLIED, newVersion, null, assignedKey);
    }

    /** A create found already done by an earlier attempt: the row {@code existingKey} holds the canonical id {@code key}. */
    public static WriteResult alreadyCreated(String key, String existingKey) {
        return new WriteResult(key, Status.CONFLICT, null, null, existingKey);
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
