package dev.accord.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random JSON Schemas over a small world (properties a, b, c; strings over a and b; numbers around zero), so that
 * random documents often land on the boundaries the keywords draw; and random edits of them, so that a pair is
 * usually one or a few changes apart, as versions of a schema are. Now and then a keyword of the other draft slips
 * in (prefixItems under draft-07, additionalItems under 2020-12), which the validator ignores.
 */
final class RandomSchemas {

    static final List<String> NAMES = List.of("a", "b", "c");
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final List<String> TYPES = List.of("null", "boolean", "integer", "number", "string", "array", "object");
    private static final List<String> PATTERNS = List.of("^a", "b$", "^[ab]*$", "a");
    private static final java.util.Set<String> MAPS = java.util.Set.of("properties", "patternProperties", "$defs", "definitions", "dependentRequired",
            "dependentSchemas", "dependencies");
    private static final List<String> FORMATS = List.of("date", "email");

    private final Random random;
    /** draft-07 (array-form items, additionalItems, definitions, dependencies) or 2020-12. */
    private final boolean draft7;
    /** Off while a definition is generated: a definition that refers to itself without descending loops the validator. */
    private boolean refs = true;

    RandomSchemas(Random random, boolean draft7) {
        this.random = random;
        this.draft7 = draft7;
    }

    /** A root schema, with a definition or two that subschemas may refer to. */
    ObjectNode root(int depth) {
        ObjectNode root = object(depth);
        if (draft7) {
            root.put("$schema", "http://json-schema.org/draft-07/schema#");
        }
        if (random.nextInt(3) == 0) {
            ObjectNode defs = root.putObject(draft7 ? "definitions" : "$defs");
            refs = false;
            defs.set("d", schema(1));
            refs = true;
        }
        return root;
    }

    JsonNode schema(int depth) {
        int roll = random.nextInt(20);
        if (roll == 0) {
            return F.booleanNode(random.nextInt(3) > 0);
        }
        if (roll == 1 && refs) {
            return ref();
        }
        return object(depth);
    }

    private JsonNode ref() {
        return F.objectNode().put("$ref", draft7 ? "#/definitions/d" : "#/$defs/d");
    }

    ObjectNode object(int depth) {
        ObjectNode node = F.objectNode();
        int keywords = 1 + random.nextInt(3);
        for (int i = 0; i < keywords; i++) {
            addKeyword(node, depth);
        }
        return node;
    }

    /** Adds (or replaces) one random keyword. */
    void addKeyword(ObjectNode node, int depth) {
        int roll = random.nextInt(depth > 0 ? 40 : 21);
        switch (roll) {
            case 0, 1, 2 -> node.set("type", type());
            case 3 -> node.set("enum", values(1 + random.nextInt(3)));
            case 4 -> node.set("const", value());
            case 5 -> node.put("minLength", random.nextInt(3));
            case 6 -> node.put("maxLength", random.nextInt(4));
            case 7 -> node.put("pattern", pick(PATTERNS));
            case 8 -> node.put("minimum", random.nextInt(5) - 2);
            case 9 -> node.put("maximum", random.nextInt(5) - 2);
            case 10 -> node.put("exclusiveMinimum", random.nextInt(5) - 2);
            case 11 -> node.put("exclusiveMaximum", random.nextInt(5) - 2);
            case 12 -> node.set("multipleOf", pick(List.of(F.numberNode(2), F.numberNode(3), F.numberNode(0.5), F.numberNode(1))));
            case 13 -> node.put("minItems", random.nextInt(3));
            case 14 -> node.put("maxItems", random.nextInt(4));
            case 15 -> node.put("uniqueItems", random.nextBoolean());
            case 16 -> node.put("minProperties", random.nextInt(3));
            case 17 -> node.put("maxProperties", random.nextInt(3));
            case 18 -> node.set("required", names());
            case 19 -> node.put("format", pick(FORMATS));
            case 20 -> node.put("type", pick(List.of("object", "array", "string")));
            case 21, 22, 23 -> {
                ObjectNode properties = node.has("properties") ? (ObjectNode) node.get("properties") : node.putObject("properties");
                properties.set(pick(NAMES), schema(depth - 1));
            }
            case 24, 25 -> node.set("additionalProperties", random.nextBoolean() ? F.booleanNode(random.nextBoolean()) : schema(depth - 1));
            case 26 -> node.putObject("patternProperties").set(pick(List.of("^a", "^b", "c")), schema(depth - 1));
            case 27 -> node.set("propertyNames", F.objectNode().put("pattern", pick(PATTERNS)));
            case 28 -> dependency(node, depth);
            case 29, 30 -> items(node, depth);
            case 31 -> {
                node.set("contains", schema(depth - 1));
                if (random.nextBoolean()) {
                    node.put(random.nextBoolean() ? "minContains" : "maxContains", random.nextInt(3));
                }
            }
            case 32, 33 -> node.set(pick(List.of("allOf", "anyOf", "oneOf")), members(depth));
            case 34 -> node.set("not", schema(depth - 1));
            case 35 -> {
                node.set("if", schema(depth - 1));
                node.set(random.nextBoolean() ? "then" : "else", schema(depth - 1));
            }
            case 36 -> node.set(refs ? "$ref" : "title", refs ? ref().get("$ref") : F.textNode("t"));
            case 37 -> node.set("enum", values(2));
            default -> node.set("type", type());
        }
    }

    private void dependency(ObjectNode node, int depth) {
        String name = pick(NAMES);
        if (draft7 != (random.nextInt(5) == 0)) {
            node.putObject("dependencies").set(name, random.nextBoolean() ? names() : schema(depth - 1));
        } else if (random.nextBoolean()) {
            node.putObject("dependentRequired").set(name, names());
        } else {
            node.putObject("dependentSchemas").set(name, schema(depth - 1));
        }
    }

    private void items(ObjectNode node, int depth) {
        if (random.nextBoolean()) {
            node.set("items", schema(depth - 1));
            return;
        }
        ArrayNode tuple = F.arrayNode();
        int size = 1 + random.nextInt(2);
        for (int i = 0; i < size; i++) {
            tuple.add(schema(depth - 1));
        }
        JsonNode rest = random.nextBoolean() ? F.booleanNode(random.nextBoolean()) : schema(depth - 1);
        if (draft7 != (random.nextInt(5) == 0)) {
            node.set("items", tuple);
            if (random.nextBoolean()) {
                node.set("additionalItems", rest);
            }
        } else {
            node.set("prefixItems", tuple);
            if (random.nextBoolean()) {
                node.set("items", rest);
            }
        }
    }

    private ArrayNode members(int depth) {
        ArrayNode members = F.arrayNode();
        int size = 1 + random.nextInt(3);
        for (int i = 0; i < size; i++) {
            members.add(schema(depth - 1));
        }
        return members;
    }

    private JsonNode type() {
        if (random.nextInt(3) > 0) {
            return F.textNode(pick(TYPES));
        }
        ArrayNode types = F.arrayNode();
        types.add(pick(TYPES));
        String second = pick(TYPES);
        if (!types.get(0).asText().equals(second)) {
            types.add(second);
        }
        return types;
    }

    private ArrayNode names() {
        ArrayNode names = F.arrayNode();
        for (String name : NAMES) {
            if (random.nextInt(3) == 0) {
                names.add(name);
            }
        }
        return names;
    }

    private ArrayNode values(int size) {
        ArrayNode values = F.arrayNode();
        for (int i = 0; i < size; i++) {
            JsonNode value = value();
            boolean present = false;
            for (JsonNode v : values) {
                present |= v.equals(value);
            }
            if (!present) {
                values.add(value);
            }
        }
        return values;
    }

    JsonNode value() {
        return pick(List.of(F.textNode("a"), F.textNode("b"), F.textNode("ab"), F.numberNode(0), F.numberNode(1), F.numberNode(2),
                F.numberNode(1.5), F.booleanNode(true), F.nullNode()));
    }

    /** An edited copy: one to three edits, anywhere in the tree. */
    JsonNode mutate(JsonNode schema) {
        JsonNode copy = schema.deepCopy();
        int edits = 1 + random.nextInt(3);
        for (int i = 0; i < edits; i++) {
            List<ObjectNode> objects = new ArrayList<>();
            collect(copy, objects);
            if (objects.isEmpty()) {
                return copy;
            }
            ObjectNode target = pick(objects);
            int roll = random.nextInt(10);
            if (roll < 3 && target.size() > 0) {
                List<String> keys = new ArrayList<>(Schemas.names(target));
                keys.remove("$schema");
                keys.remove("$defs");
                keys.remove("definitions");
                if (!keys.isEmpty()) {
                    target.remove(pick(keys));
                }
            } else if (roll < 4) {
                reorder(target);
            } else {
                addKeyword(target, 1);
            }
        }
        return copy;
    }

    private void reorder(ObjectNode target) {
        for (String keyword : List.of("allOf", "anyOf", "oneOf", "enum")) {
            if (target.path(keyword).isArray() && target.path(keyword).size() > 1) {
                ArrayNode array = (ArrayNode) target.get(keyword);
                JsonNode first = array.remove(0);
                array.add(first);
                if (!"oneOf".equals(keyword) && random.nextBoolean()) {
                    array.add(first);
                }
                return;
            }
        }
        addKeyword(target, 1);
    }

    private static void collect(JsonNode node, List<ObjectNode> objects) {
        if (node.isObject()) {
            objects.add((ObjectNode) node);
            node.fields().forEachRemaining(e -> {
                if (MAPS.contains(e.getKey())) {
                    e.getValue().forEach(child -> collect(child, objects));
                } else if (!e.getKey().equals("enum") && !e.getKey().equals("const")) {
                    collect(e.getValue(), objects);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, objects));
        }
    }

    <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
