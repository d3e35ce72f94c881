package dev.accord.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether no document can satisfy two schemas at once, proven from what is easy to see: disjoint types, disjoint
 * {@code enum}/{@code const} values, or a property both require whose schemas are disjoint (a discriminator). When
 * none of these shows it, the schemas are taken to overlap.
 */
final class Disjointness {

    private static final int DEPTH_LIMIT = 8;

    private Disjointness() {}

    static boolean pairwise(List<JsonNode> members, JsonNode root) {
        for (int i = 0; i < members.size(); i++) {
            for (int j = i + 1; j < members.size(); j++) {
                if (!disjoint(members.get(i), root, members.get(j), root)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether no document satisfies both schemas, each read in its own document. */
    static boolean disjoint(JsonNode first, JsonNode firstRoot, JsonNode second, JsonNode secondRoot) {
        return disjoint(first, firstRoot, second, secondRoot, 0);
    }

    private static boolean disjoint(JsonNode first, JsonNode firstRoot, JsonNode second, JsonNode secondRoot, int depth) {
        Optional<JsonNode> a = resolve(first, firstRoot);
        Optional<JsonNode> b = resolve(second, secondRoot);
        if (a.isEmpty() || b.isEmpty() || depth > DEPTH_LIMIT) {
            return false;
        }
        if (Schemas.isFalse(a.get()) || Schemas.isFalse(b.get())) {
            return true;
        }
        if (!a.get().isObject() || !b.get().isObject()) {
            return false;
        }
        Set<String> shared = new LinkedHashSet<>(types(a.get()));
        shared.retainAll(types(b.get()));
        if (shared.isEmpty()) {
            return true;
        }
        Set<JsonNode> aValues = KeywordDiff.values(a.get());
        Set<JsonNode> bValues = KeywordDiff.values(b.get());
        if (aValues != null && bValues != null && aValues.stream().noneMatch(x -> bValues.stream().anyMatch(y -> maybeEqual(x, y)))) {
            return true;
        }
        if (!Set.of("object").containsAll(shared)) {
            return false;
        }
        Set<String> required = Schemas.texts(a.get().path("required"));
        required.retainAll(Schemas.texts(b.get().path("required")));
        for (String name : required) {
            JsonNode x = a.get().path("properties").path(name);
            JsonNode y = b.get().path("properties").path(name);
            if (!x.isMissingNode() && !y.isMissingNode() && disjoint(x, firstRoot, y, secondRoot, depth + 1)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The JSON types a schema can accept, {@code integer} spelled as {@code number} or not at all: a schema of
     * {@code "integer"} and one of {@code "number"} overlap.
     */
    private static Set<String> types(JsonNode schema) {
        Set<String> types = new LinkedHashSet<>();
        Set<JsonNode> values = KeywordDiff.values(schema);
        Set<String> declared = KeywordDiff.types(schema.path("type"));
        if (values != null) {
            values.forEach(v -> types.add(jsonType(v)));
            if (KeywordDiff.valueBesideType(schema)) {
                return types;
            }
            types.removeIf(t -> !KeywordDiff.accepts(declared, Set.of(t)) && !("number".equals(t) && declared.contains("integer")));
            return types;
        }
        declared.forEach(t -> types.add("integer".equals(t) ? "number" : t));
        return types;
    }

    /** Numbers by value (1 and 1.0 may be the same to a validator), other values as JSON. */
    private static boolean maybeEqual(JsonNode x, JsonNode y) {
        if (x.isNumber() && y.isNumber()) {
            return x.decimalValue().compareTo(y.decimalValue()) == 0;
        }
        return x.equals(y) || x.isContainerNode() && y.isContainerNode();
    }

    private static String jsonType(JsonNode value) {
        if (value.isNumber()) {
            return "number";
        }
        return value.isTextual() ? "string" : value.isBoolean() ? "boolean" : value.isNull() ? "null" : value.isArray() ? "array" : "object";
    }

    private static Optional<JsonNode> resolve(JsonNode node, JsonNode root) {
        JsonNode current = node;
        for (int i = 0; i < DEPTH_LIMIT && LocalRefs.isRef(current); i++) {
            Optional<JsonNode> target = LocalRefs.resolve(current, root, Drafts.refSiblingsApply(Drafts.of(root)));
            if (target.isEmpty()) {
                return Optional.empty();
            }
            current = target.get();
        }
        return LocalRefs.isRef(current) ? Optional.empty() : Optional.of(current);
    }
}
