package dev.accord.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random JSON documents guided by a schema: values near what the schema's keywords allow (a type it names, a value
 * from its enum, a length at a bound, the properties it declares and some it does not), and now and then anything
 * at all. Not a solver: most documents are valid, many are not, and both kinds are what the soundness test needs.
 */
final class RandomDocuments {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final List<String> STRINGS = List.of("", "a", "b", "ab", "ba", "aab", "abab", "2024-01-31", "x@y.org", "c");

    private final Random random;
    private final JsonNode root;

    RandomDocuments(Random random, JsonNode root) {
        this.random = random;
        this.root = root;
    }

    JsonNode document() {
        return guided(root, 4);
    }

    private JsonNode guided(JsonNode schema, int depth) {
        if (depth <= 0 || !schema.isObject() || random.nextInt(12) == 0) {
            return any(depth);
        }
        if (schema.has("$ref") && random.nextInt(4) > 0) {
            String ref = schema.get("$ref").asText();
            JsonNode target = ref.startsWith("#") ? root.at(ref.substring(1)) : null;
            if (target != null && !target.isMissingNode()) {
                return guided(target, depth - 1);
            }
        }
        for (String keyword : List.of("allOf", "anyOf", "oneOf")) {
            if (schema.path(keyword).size() > 0 && random.nextInt(3) == 0) {
                JsonNode members = schema.get(keyword);
                return guided(members.get(random.nextInt(members.size())), depth - 1);
            }
        }
        if (schema.has("if") && random.nextBoolean()) {
            return guided(random.nextBoolean() ? schema.get("if") : schema.path(random.nextBoolean() ? "then" : "else"), depth - 1);
        }
        if (schema.has("const") && random.nextInt(4) > 0) {
            return schema.get("const");
        }
        if (schema.path("enum").size() > 0 && random.nextInt(4) > 0) {
            return schema.get("enum").get(random.nextInt(schema.get("enum").size()));
        }
        String type = type(schema);
        return switch (type) {
            case "null" -> F.nullNode();
            case "boolean" -> F.booleanNode(random.nextBoolean());
            case "integer" -> F.numberNode((int) Math.round(number(schema)));
            case "number" -> F.numberNode(number(schema));
            case "string" -> F.textNode(string(schema));
            case "array" -> array(schema, depth);
            default -> object(schema, depth);
        };
    }

    private String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isTextual()) {
            return type.asText();
        }
        if (type.isArray() && type.size() > 0) {
            return type.get(random.nextInt(type.size())).asText();
        }
        if (schema.has("properties") || schema.has("required") || schema.has("additionalProperties") || schema.has("patternProperties")) {
            return random.nextInt(4) > 0 ? "object" : pick(List.of("string", "array", "integer"));
        }
        if (schema.has("items") || schema.has("prefixItems") || schema.has("contains")) {
            return random.nextInt(4) > 0 ? "array" : "object";
        }
        if (schema.has("minLength") || schema.has("maxLength") || schema.has("pattern") || schema.has("format")) {
            return random.nextInt(4) > 0 ? "string" : "integer";
        }
        return pick(List.of("null", "boolean", "integer", "number", "string", "array", "object"));
    }

    private double number(JsonNode schema) {
        List<Double> candidates = new ArrayList<>();
        for (String bound : List.of("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum")) {
            if (schema.path(bound).isNumber()) {
                double b = schema.get(bound).asDouble();
                candidates.add(b);
                candidates.add(b + 0.5);
                candidates.add(b - 0.5);
                candidates.add(b + 1);
                candidates.add(b - 1);
            }
        }
        if (schema.path("multipleOf").isNumber()) {
            candidates.add(schema.get("multipleOf").asDouble() * (random.nextInt(5) - 2));
        }
        candidates.addAll(List.of(0.0, 1.0, -1.0, 2.0, 3.0, 1.5, -2.0, 6.0));
        return pick(candidates);
    }

    private String string(JsonNode schema) {
        if (random.nextBoolean() && (schema.has("minLength") || schema.has("maxLength"))) {
            int length = Math.max(0, schema.path(random.nextBoolean() ? "minLength" : "maxLength").asInt(1) + random.nextInt(3) - 1);
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < length; i++) {
                text.append(random.nextBoolean() ? 'a' : 'b');
            }
            return text.toString();
        }
        return pick(STRINGS);
    }

    private JsonNode array(JsonNode schema, int depth) {
        ArrayNode array = F.arrayNode();
        int size = random.nextInt(4);
        JsonNode tuple = schema.path("prefixItems").isArray() ? schema.get("prefixItems") : schema.path("items").isArray() ? schema.get("items") : null;
        for (int i = 0; i < size; i++) {
            JsonNode itemSchema;
            if (tuple != null && i < tuple.size()) {
                itemSchema = tuple.get(i);
            } else if (schema.path("contains").isObject() && random.nextBoolean()) {
                itemSchema = schema.get("contains");
            } else if (tuple != null) {
                itemSchema = schema.path(schema.path("items").isArray() ? "additionalItems" : "items");
            } else {
                itemSchema = schema.path("items");
            }
            array.add(itemSchema.isMissingNode() ? any(depth - 1) : guided(itemSchema, depth - 1));
        }
        if (random.nextInt(4) == 0 && array.size() > 0) {
            array.add(array.get(0).deepCopy());
        }
        return array;
    }

    private JsonNode object(JsonNode schema, int depth) {
        ObjectNode object = F.objectNode();
        for (String name : RandomSchemas.NAMES) {
            boolean required = Schemas.texts(schema.path("required")).contains(name);
            if (required ? random.nextInt(8) > 0 : random.nextInt(3) == 0) {
                JsonNode property = schema.path("properties").path(name);
                JsonNode valueSchema = property.isMissingNode() ? schema.path("additionalProperties") : property;
                object.set(name, valueSchema.isObject() ? guided(valueSchema, depth - 1) : any(depth - 1));
            }
        }
        if (random.nextInt(5) == 0) {
            object.set(pick(List.of("ab", "ba", "x")), any(depth - 1));
        }
        return object;
    }

    private JsonNode any(int depth) {
        int roll = random.nextInt(depth > 0 ? 9 : 7);
        return switch (roll) {
            case 0 -> F.nullNode();
            case 1 -> F.booleanNode(random.nextBoolean());
            case 2 -> F.numberNode(random.nextInt(5) - 2);
            case 3 -> F.numberNode(pick(List.of(0.5, 1.5, -0.5, 2.5)));
            case 4, 5, 6 -> F.textNode(pick(STRINGS));
            case 7 -> {
                ArrayNode array = F.arrayNode();
                int size = random.nextInt(3);
                for (int i = 0; i < size; i++) {
                    array.add(any(depth - 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = F.objectNode();
                for (String name : RandomSchemas.NAMES) {
                    if (random.nextBoolean()) {
                        object.set(name, any(depth - 1));
                    }
                }
                yield object;
            }
        };
    }

    private <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
