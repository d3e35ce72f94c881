package dev.accord.core.schema;

/**
 * One kind of change between two versions of a JSON Schema, named from the old version to the new one,
 * with whether it keeps each direction of compatibility. The classification follows the Confluent Schema
 * Registry's JSON Schema rules: a change is backward-safe when a reader on the new schema accepts every
 * document the old schema accepted, and forward-safe when a reader on the old schema accepts every document
 * the new one accepts.
 */
public enum ChangeRule {
    ANNOTATION_CHANGED(true, true, "title, description, $id, $comment or examples changed"),
    DEFAULT_CHANGED(true, true, "the default value was added, removed or changed"),
    TYPE_EXTENDED(true, false, "the type accepts more (a type added, integer widened to number)"),
    TYPE_NARROWED(false, true, "the type accepts less (a type removed, number narrowed to integer)"),
    TYPE_CHANGED(false, false, "the type changed to an unrelated one"),
    ENUM_EXTENDED(true, false, "allowed values were added, or the enum was dropped"),
    ENUM_NARROWED(false, true, "allowed values were removed, or an enum was introduced"),
    ENUM_CHANGED(false, false, "allowed values were both added and removed"),
    CONSTRAINT_RELAXED(true, false, "a constraint was loosened or removed (longer maxLength, lower minimum, no pattern)"),
    CONSTRAINT_TIGHTENED(false, true, "a constraint was tightened or added (shorter maxLength, higher minimum, new pattern)"),
    CONSTRAINT_CHANGED(false, false, "a pattern or format changed to a different one"),
    FIELD_ADDED_TO_CLOSED_MODEL(true, false, "a property was added to a schema that forbids other properties"),
    FIELD_ADDED_TO_OPEN_MODEL(false, true, "a property was added to a schema that allowed any other property"),
    FIELD_REMOVED_FROM_CLOSED_MODEL(false, true, "a property was removed from a schema that forbids other properties"),
    FIELD_REMOVED_FROM_OPEN_MODEL(true, false, "a property was removed from a schema that allows other properties"),
    REQUIRED_ADDED(false, true, "a property became required and has no default"),
    REQUIRED_WITH_DEFAULT_ADDED(true, true, "a property with a default became required"),
    REQUIRED_REMOVED(true, false, "a property without a default is no longer required"),
    REQUIRED_WITH_DEFAULT_REMOVED(true, true, "a property with a default is no longer required"),
    CONTENT_MODEL_OPENED(true, false, "the schema now allows properties it does not declare"),
    CONTENT_MODEL_CLOSED(false, true, "the schema no longer allows properties it does not declare"),
    KEYWORD_CHANGED(false, false, "another keyword changed; Accord cannot prove it compatible");

    private final boolean backwardSafe;
    private final boolean forwardSafe;
    private final String meaning;

    ChangeRule(boolean backwardSafe, boolean forwardSafe, String meaning) {
        this.backwardSafe = backwardSafe;
        this.forwardSafe = forwardSafe;
        this.meaning = meaning;
    }

    /** A reader on the new schema still accepts data written with the old one. */
    public boolean backwardSafe() {
        return backwardSafe;
    }

    /** A reader on the old schema still accepts data written with the new one. */
    public boolean forwardSafe() {
        return forwardSafe;
    }

    public String meaning() {
        return meaning;
    }
}
