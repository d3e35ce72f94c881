package dev.accord.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every difference between two versions of a JSON Schema, as {@link SchemaChange}s named from the old version
 * to the new one. Objects are compared property by property (recursively), arrays by their {@code items};
 * scalar keywords by {@link KeywordDiff}. A keyword Accord does not understand that differs is reported as
 * {@link ChangeRule#KEYWORD_CHANGED}, which no compatibility mode accepts.
 */
public final class SchemaDiff {

    private static final Set<String> STRUCTURAL = Set.of("properties", "required", "additionalProperties",
            "unevaluatedProperties", "items");

    private SchemaDiff() {}

    public static List<SchemaChange> between(JsonNode before, JsonNode after) {
        List<SchemaChange> changes = new ArrayList<>();
        compare(before, after, "$", changes);
        return changes;
    }

    private static void compare(JsonNode before, JsonNode after, String path, List<SchemaChange> changes) {
        KeywordDiff.compare(before, after, path, changes);
        compareProperties(before, after, path, changes);
        compareRequired(before, after, path, changes);
        compareContentModel(before, after, path, changes);
        if (before.has("items") || after.has("items")) {
            compare(schema(before.path("items")), schema(after.path("items")), path + "[*]", changes);
        }
        Set<String> others = new TreeSet<>();
        before.fieldNames().forEachRemaining(others::add);
        after.fieldNames().forEachRemaining(others::add);
        for (String keyword : others) {
            if (!STRUCTURAL.contains(keyword) && !KeywordDiff.handles(keyword) && !before.path(keyword).equals(after.path(keyword))) {
                changes.add(new SchemaChange(path, ChangeRule.KEYWORD_CHANGED,
                        keyword + " " + text(before.path(keyword)) + " → " + text(after.path(keyword))));
            }
        }
    }

    private static void compareProperties(JsonNode before, JsonNode after, String path, List<SchemaChange> changes) {
        Set<String> names = new LinkedHashSet<>();
        before.path("properties").fieldNames().forEachRemaining(names::add);
        after.path("properties").fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            JsonNode old = before.path("properties").path(name);
            JsonNode now = after.path("properties").path(name);
            String at = path + "." + name;
            if (old.isMissingNode()) {
                changes.add(closed(before)
                        ? new SchemaChange(at, ChangeRule.FIELD_ADDED_TO_CLOSED_MODEL, "property '" + name + "' added")
                        : new SchemaChange(at, ChangeRule.FIELD_ADDED_TO_OPEN_MODEL, "property '" + name + "' added"));
            } else if (now.isMissingNode()) {
                changes.add(closed(after)
                        ? new SchemaChange(at, ChangeRule.FIELD_REMOVED_FROM_CLOSED_MODEL, "property '" + name + "' removed")
                        : new SchemaChange(at, ChangeRule.FIELD_REMOVED_FROM_OPEN_MODEL, "property '" + name + "' removed"));
            } else {
                compare(old, now, at, changes);
            }
        }
    }

    private static void compareRequired(JsonNode before, JsonNode after, String path, List<SchemaChange> changes) {
        Set<String> old = names(before.path("required"));
        Set<String> now = names(after.path("required"));
        for (String name : now) {
            if (!old.contains(name)) {
                boolean hasDefault = after.path("properties").path(name).has("default");
                changes.add(new SchemaChange(path + "." + name,
                        hasDefault ? ChangeRule.REQUIRED_WITH_DEFAULT_ADDED : ChangeRule.REQUIRED_ADDED, "'" + name + "' became required"));
            }
        }
        for (String name : old) {
            if (!now.contains(name)) {
                boolean hasDefault = before.path("properties").path(name).has("default");
                changes.add(new SchemaChange(path + "." + name,
                        hasDefault ? ChangeRule.REQUIRED_WITH_DEFAULT_REMOVED : ChangeRule.REQUIRED_REMOVED, "'" + name + "' no longer required"));
            }
        }
    }

    private static void compareContentModel(JsonNode before, JsonNode after, String path, List<SchemaChange> changes) {
        if (!isObjectSchema(before) && !isObjectSchema(after)) {
            return;
        }
        if (closed(before) && !closed(after)) {
            changes.add(new SchemaChange(path, ChangeRule.CONTENT_MODEL_OPENED, "other properties are now allowed"));
        } else if (!closed(before) && closed(after)) {
            changes.add(new SchemaChange(path, ChangeRule.CONTENT_MODEL_CLOSED, "other properties are no longer allowed"));
        }
    }

    /** A schema that forbids properties it does not declare. */
    static boolean closed(JsonNode schema) {
        return schema.path("additionalProperties").isBoolean() && !schema.path("additionalProperties").asBoolean()
                || schema.path("unevaluatedProperties").isBoolean() && !schema.path("unevaluatedProperties").asBoolean();
    }

    private static boolean isObjectSchema(JsonNode schema) {
        return schema.has("properties") || schema.has("additionalProperties") || schema.has("unevaluatedProperties")
                || "object".equals(schema.path("type").asText());
    }

    private static JsonNode schema(JsonNode node) {
        return node.isMissingNode() ? MissingNode.getInstance() : node;
    }

    private static Set<String> names(JsonNode array) {
        Set<String> names = new LinkedHashSet<>();
        for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) {
            names.add(it.next().asText());
        }
        return names;
    }

    static String text(JsonNode node) {
        return node.isMissingNode() ? "(none)" : node.toString();
    }
}
