package dev.accord.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Small facts about schema nodes: boolean schemas, annotations, names. */
final class Schemas {

    static final JsonNode TRUE = BooleanNode.TRUE;
    static final JsonNode FALSE = BooleanNode.FALSE;

    /** Keywords that never make a document invalid. */
    static final Set<String> ANNOTATIONS = Set.of("title", "description", "$comment", "examples", "default", "readOnly",
            "writeOnly", "deprecated", "$schema", "$id", "$anchor", "$dynamicAnchor", "$vocabulary", "$defs", "definitions",
            "contentMediaType", "contentSchema");

    private Schemas() {}

    /** A missing subschema stands for {@code true}. */
    static JsonNode orTrue(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? TRUE : node;
    }

    static boolean isFalse(JsonNode node) {
        return node.isBoolean() && !node.asBoolean();
    }

    /** A schema every document satisfies: {@code true}, missing, or an object of annotations only. */
    static boolean trivial(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isBoolean() && node.asBoolean()) {
            return true;
        }
        if (!node.isObject()) {
            return false;
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            if (!ANNOTATIONS.contains(names.next())) {
                return false;
            }
        }
        return true;
    }

    /** {@code true} as an empty object, so that keywords can be compared one by one. */
    static ObjectNode asObject(JsonNode node) {
        return node.isObject() ? (ObjectNode) node : JsonNodeFactory.instance.objectNode();
    }

    /** Whether a {@code $ref} (or a dynamic reference) occurs anywhere in the node. */
    static boolean containsRef(JsonNode node) {
        if (node.isObject()) {
            if (node.has("$ref") || node.has("$dynamicRef") || node.has("$recursiveRef")) {
                return true;
            }
            for (JsonNode child : node) {
                if (containsRef(child)) {
                    return true;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode child : node) {
                if (containsRef(child)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The conjunction of the given schemas, as one node. */
    static JsonNode allOf(List<JsonNode> parts) {
        List<JsonNode> constraining = parts.stream().filter(p -> !trivial(p)).toList();
        if (constraining.isEmpty()) {
            return TRUE;
        }
        if (constraining.size() == 1) {
            return constraining.get(0);
        }
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        constraining.forEach(node.putArray("allOf")::add);
        return node;
    }

    /**
     * A subschema that only ever sees documents of one type ({@code propertyNames} sees strings, a dependent schema
     * objects), with that type stated, so that keywords for other types count for nothing.
     */
    static JsonNode typed(JsonNode node, String type) {
        if (isFalse(node)) {
            return node;
        }
        if (trivial(node)) {
            return JsonNodeFactory.instance.objectNode().put("type", type);
        }
        if (!node.isObject() || node.has("type")) {
            return node;
        }
        return ((ObjectNode) node).deepCopy().put("type", type);
    }

    /** The same for a set of types; all of them (or none) changes nothing. */
    static JsonNode typed(JsonNode node, Set<String> types) {
        if (types.size() >= 7 || types.isEmpty()) {
            return node;
        }
        if (isFalse(node) || node.isObject() && node.has("type") || !trivial(node) && !node.isObject()) {
            return node;
        }
        ObjectNode typed = node.isObject() ? ((ObjectNode) node).deepCopy() : JsonNodeFactory.instance.objectNode();
        types.forEach(typed.putArray("type")::add);
        return typed;
    }

    static Set<String> names(JsonNode node) {
        Set<String> names = new LinkedHashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static Set<String> texts(JsonNode array) {
        Set<String> texts = new LinkedHashSet<>();
        array.forEach(t -> texts.add(t.asText()));
        return texts;
    }

    static String text(JsonNode node) {
        return node == null || node.isMissingNode() ? "(none)" : node.toString();
    }
}
