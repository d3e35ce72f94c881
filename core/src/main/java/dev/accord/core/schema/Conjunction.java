package dev.accord.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;

/**
 * A member of a sum together with the schema beside the sum, as one schema node, so that a member is judged with
 * what the rest of its schema already says ({@code {"enum": [1, 2], "anyOf": [{"minimum": 0}]}}). Merged only where
 * that is exactly the conjunction: shared keywords agree, and keywords that read each other (properties and
 * additionalProperties, items and additionalItems, contains and its bounds, if/then/else) come from one side.
 * Otherwise the member alone: it admits more documents, which can only make the verdict more cautious.
 */
final class Conjunction {

    private static final List<Set<String>> READ_TOGETHER = List.of(
            Set.of("properties", "patternProperties", "additionalProperties", "unevaluatedProperties"),
            Set.of("items", "prefixItems", "additionalItems", "unevaluatedItems", "contains", "minContains", "maxContains"),
            Set.of("if", "then", "else"),
            Set.of("$ref", "$dynamicRef", "$recursiveRef"));

    private Conjunction() {}

    static JsonNode of(JsonNode beside, JsonNode member) {
        if (!beside.isObject() || !member.isObject() || Schemas.trivial(beside)) {
            return member;
        }
        for (Set<String> group : READ_TOGETHER) {
            boolean left = group.stream().anyMatch(beside::has);
            boolean right = group.stream().anyMatch(member::has);
            if (left && right) {
                return member;
            }
        }
        ObjectNode merged = ((ObjectNode) member).deepCopy();
        for (String keyword : Schemas.names(beside)) {
            if (merged.has(keyword) && !merged.get(keyword).equals(beside.get(keyword))) {
                return member;
            }
            merged.set(keyword, beside.get(keyword));
        }
        return merged;
    }
}
