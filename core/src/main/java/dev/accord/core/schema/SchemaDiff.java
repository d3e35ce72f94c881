package dev.accord.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Every difference between two versions of a JSON Schema, as {@link SchemaChange}s named from the old version to
 * the new one, each with its verdict per direction. Sound by construction: a change is called backward-safe only
 * when every document valid under the old schema stays valid under the new one (forward-safe: the other way
 * round), keyword by keyword; what Accord cannot decide is {@link ChangeRule#UNDECIDABLE}, and a keyword it does
 * not know is {@link ChangeRule#KEYWORD_CHANGED}, which no mode accepts.
 */
public final class SchemaDiff {

    private SchemaDiff() {}

    public static List<SchemaChange> between(JsonNode before, JsonNode after) {
        return new Comparison(before, after).compare(before, after, "$");
    }

    /** Whether every document valid under {@code before} is valid under {@code after}, as far as Accord can prove. */
    public static boolean backwardCompatible(JsonNode before, JsonNode after) {
        return between(before, after).stream().allMatch(SchemaChange::backwardSafe);
    }

    /** Whether every document valid under {@code after} is valid under {@code before}, as far as Accord can prove. */
    public static boolean forwardCompatible(JsonNode before, JsonNode after) {
        return between(before, after).stream().allMatch(SchemaChange::forwardSafe);
    }

    static String text(JsonNode node) {
        return Schemas.text(node);
    }
}
