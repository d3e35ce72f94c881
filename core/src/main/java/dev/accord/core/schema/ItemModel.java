package dev.accord.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What a schema says about an array's items: a schema per tuple position, and one for the items beyond.
 * {@code prefixItems} + {@code items} (2020-12) and array-form {@code items} + {@code additionalItems} (draft-07)
 * mean the same thing. {@code additionalItems} means nothing unless {@code items} is an array (the validator
 * ignores it, and so must this: read as a constraint it would make the schema look narrower than it is).
 *
 * @param ambiguous both {@code prefixItems} and array-form {@code items}: not a schema the validator compiles
 */
record ItemModel(List<JsonNode> tuple, JsonNode rest, boolean ambiguous) {

    static ItemModel of(JsonNode schema) {
        JsonNode items = schema.path("items");
        JsonNode prefix = schema.path("prefixItems");
        List<JsonNode> tuple = new ArrayList<>();
        JsonNode rest;
        if (prefix.isArray()) {
            prefix.forEach(tuple::add);
            rest = items.isArray() ? Schemas.TRUE : Schemas.orTrue(items);
        } else if (items.isArray()) {
            items.forEach(tuple::add);
            rest = Schemas.orTrue(schema.path("additionalItems"));
        } else {
            rest = Schemas.orTrue(items);
        }
        return new ItemModel(tuple, rest, prefix.isArray() && items.isArray());
    }
}
