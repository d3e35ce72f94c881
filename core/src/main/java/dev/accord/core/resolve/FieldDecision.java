package dev.accord.core.resolve;

import dev.accord.core.record.FieldVersion;

/**
 * The decision for one field of one change, with the versions compared, so the event history and the
 * audit trail show why.
 *
 * @param field the canonical field, or {@code _deleted} for a delete
 * @param incoming the version the change carried
 * @param current the version the golden record held, null when the field was new
 * @param reason a short explanation in words
 */
public record FieldDecision(String field, Decision decision, FieldVersion incoming, FieldVersion current, String reason) {

    public static final String DELETE_FIELD = "_deleted";
}
