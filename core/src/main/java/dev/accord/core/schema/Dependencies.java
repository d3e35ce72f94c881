package dev.accord.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code dependentRequired}, {@code dependentSchemas} and draft-07's {@code dependencies}: when a property is present,
 * the object must also satisfy a schema. A list of names is the schema {@code {"required": [names]}}, so both
 * forms are compared as schemas, property by property.
 */
final class Dependencies {

    private static final List<String> KEYWORDS = List.of("dependentRequired", "dependentSchemas", "dependencies");

    private Dependencies() {}

    static void compare(Comparison comparison, JsonNode old, JsonNode now, String path, List<SchemaChange> changes) {
        Map<String, List<JsonNode>> before = of(old);
        Map<String, List<JsonNode>> after = of(now);
        Set<String> names = new LinkedHashSet<>(before.keySet());
        names.addAll(after.keySet());
        for (String name : names) {
            JsonNode oldSchema = Schemas.allOf(before.getOrDefault(name, List.of()));
            JsonNode newSchema = Schemas.allOf(after.getOrDefault(name, List.of()));
            List<SchemaChange> inner = comparison.compare(Schemas.typed(oldSchema, "object"), Schemas.typed(newSchema, "object"), path);
            if (inner.isEmpty()) {
                continue;
            }
            boolean names1 = onlyNames(old, name) && onlyNames(now, name);
            ChangeRule rule;
            if (!before.containsKey(name)) {
                rule = names1 ? ChangeRule.DEPENDENCY_ARRAY_ADDED : ChangeRule.DEPENDENCY_SCHEMA_ADDED;
            } else if (!after.containsKey(name)) {
                rule = names1 ? ChangeRule.DEPENDENCY_ARRAY_REMOVED : ChangeRule.DEPENDENCY_SCHEMA_REMOVED;
            } else if (names1) {
                rule = ObjectDiff.byVerdict(inner, ChangeRule.DEPENDENCY_ARRAY_NARROWED, ChangeRule.DEPENDENCY_ARRAY_EXTENDED,
                        ChangeRule.DEPENDENCY_ARRAY_CHANGED);
            } else {
                rule = ObjectDiff.byVerdict(inner, ChangeRule.DEPENDENCY_SCHEMA_EXTENDED, ChangeRule.DEPENDENCY_SCHEMA_NARROWED,
                        ChangeRule.DEPENDENCY_SCHEMA_CHANGED);
            }
            changes.add(SchemaChange.summing(path, rule, "when '" + name + "' is present", inner));
        }
    }

    /** Per property, the schemas that apply when it is present. */
    private static Map<String, List<JsonNode>> of(JsonNode schema) {
        Map<String, List<JsonNode>> dependencies = new LinkedHashMap<>();
        for (String keyword : KEYWORDS) {
            schema.path(keyword).fields().forEachRemaining(e -> dependencies.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                    .add(e.getValue().isArray() ? required(e.getValue()) : e.getValue()));
        }
        return dependencies;
    }

    private static JsonNode required(JsonNode names) {
        ObjectNode schema = JsonNodeFactory.instance.objectNode();
        schema.set("required", names.deepCopy());
        return schema;
    }

    /** Whether the schema's dependencies for the property, if any, are all lists of names. */
    private static boolean onlyNames(JsonNode schema, String name) {
        return !schema.path("dependentSchemas").has(name)
                && (!schema.path("dependencies").has(name) || schema.path("dependencies").path(name).isArray());
    }
}
