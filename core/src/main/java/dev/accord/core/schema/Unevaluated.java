package dev.accord.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * {@code unevaluatedProperties} and {@code unevaluatedItems} depend on what every other keyword evaluated. In a
 * schema without in-place applicators ({@code allOf}, {@code $ref}, {@code if}, …) they mean what
 * {@code additionalProperties} and {@code items} mean (or nothing, when those are present), and are read so;
 * anywhere else a change next to them is undecided.
 */
final class Unevaluated {

    private static final List<String> IN_PLACE = List.of("allOf", "anyOf", "oneOf", "not", "if", "then", "else", "$ref",
            "$dynamicRef", "$recursiveRef", "dependentSchemas", "dependencies");

    private Unevaluated() {}

    static ObjectNode normalise(ObjectNode schema) {
        if (!schema.has("unevaluatedProperties") && !schema.has("unevaluatedItems") || IN_PLACE.stream().anyMatch(schema::has)) {
            return schema;
        }
        ObjectNode plain = schema.deepCopy();
        JsonNode properties = plain.remove("unevaluatedProperties");
        if (properties != null && !plain.has("additionalProperties")) {
            plain.set("additionalProperties", properties);
        }
        JsonNode items = plain.remove("unevaluatedItems");
        if (items != null && !plain.has("contains")) {
            if (plain.path("items").isArray() && !plain.has("additionalItems")) {
                plain.set("additionalItems", items);
            } else if (!plain.has("items")) {
                plain.set("items", items);
            }
        } else if (items != null) {
            plain.set("unevaluatedItems", items);
        }
        return plain;
    }

    /** After {@link #normalise}, any difference where an unevaluated keyword remains is undecided. */
    static void compare(JsonNode old, JsonNode now, String path, List<SchemaChange> changes) {
        boolean remains = old.has("unevaluatedProperties") || now.has("unevaluatedProperties")
                || old.has("unevaluatedItems") || now.has("unevaluatedItems");
        if (remains && (!old.equals(now) || Schemas.containsRef(old))) {
            changes.add(new SchemaChange(path, ChangeRule.UNDECIDABLE, "unevaluatedProperties/unevaluatedItems next to "
                    + "in-place applicators or contains: what they apply to cannot be compared"));
        }
    }
}
