package dev.accord.core.schema;

/**
 * A schema change that a compatibility mode does not allow.
 *
 * @param againstVersion the earlier version the new schema was checked against
 * @param direction {@code BACKWARD} (new readers, old data) or {@code FORWARD} (old readers, new data)
 * @param change the change, with its JSON path and rule
 */
public record Incompatibility(int againstVersion, String direction, SchemaChange change) {

    /** {@code $.email: MAX_LENGTH_DECREASED (maxLength 254 → 100) breaks BACKWARD compatibility with version 3: …}. */
    public String describe() {
        return change.path() + ": " + change.rule() + " " + consequence();
    }

    /** {@code (maxLength 254 → 100) breaks BACKWARD compatibility with version 3: …}, without path and rule. */
    public String consequence() {
        String reason = "BACKWARD".equals(direction)
                ? "a reader on the new schema cannot read data written with version " + againstVersion
                : "a reader still on version " + againstVersion + " cannot read data written with the new schema";
        return "(" + change.detail() + ") breaks " + direction + " compatibility with version " + againstVersion + ": " + reason;
    }
}
