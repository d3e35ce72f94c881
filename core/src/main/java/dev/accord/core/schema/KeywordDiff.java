package dev.accord.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The keywords of one schema node that are compared value by value: annotations, {@code default},
 * {@code type}, {@code enum}/{@code const}, and the numeric, length and text constraints.
 */
final class KeywordDiff {

    private static final List<String> ANNOTATIONS = List.of("title", "description", "$id", "$comment", "examples", "$schema");
    /** Upper bounds: a larger value (or none) accepts more. */
    private static final List<String> UPPER = List.of("maxLength", "maximum", "exclusiveMaximum", "maxItems", "maxProperties");
    /** Lower bounds: a smaller value (or none) accepts more. */
    private static final List<String> LOWER = List.of("minLength", "minimum", "exclusiveMinimum", "minItems", "minProperties");
    /** Constraints that either hold or not: adding one narrows, removing widens, changing breaks both ways. */
    private static final List<String> EXACT = List.of("pattern", "format", "uniqueItems");
    private static final List<String> TYPES = List.of("null", "boolean", "object", "array", "number", "string", "integer");

    private KeywordDiff() {}

    static boolean handles(String keyword) {
        return ANNOTATIONS.contains(keyword) || UPPER.contains(keyword) || LOWER.contains(keyword) || EXACT.contains(keyword)
                || Set.of("default", "type", "enum", "const", "multipleOf").contains(keyword);
    }

    static void compare(JsonNode before, JsonNode after, String path, List<SchemaChange> changes) {
        for (String keyword : ANNOTATIONS) {
            if (!before.path(keyword).equals(after.path(keyword))) {
                changes.add(new SchemaChange(path, ChangeRule.ANNOTATION_CHANGED, describe(keyword, before, after)));
            }
        }
        if (!before.path("default").equals(after.path("default"))) {
            changes.add(new SchemaChange(path, ChangeRule.DEFAULT_CHANGED, describe("default", before, after)));
        }
        compareType(before, after, path, changes);
        compareValues(before, after, path, changes);
        UPPER.forEach(k -> compareBound(k, before, after, path, changes, 1));
        LOWER.forEach(k -> compareBound(k, before, after, path, changes, -1));
        compareMultipleOf(before, after, path, changes);
        for (String keyword : EXACT) {
            JsonNode old = before.path(keyword);
            JsonNode now = after.path(keyword);
            if (!old.equals(now)) {
                ChangeRule rule = old.isMissingNode() ? ChangeRule.CONSTRAINT_TIGHTENED
                        : now.isMissingNode() ? ChangeRule.CONSTRAINT_RELAXED : ChangeRule.CONSTRAINT_CHANGED;
                changes.add(new SchemaChange(path, rule, describe(keyword, before, after)));
            }
        }
    }

    private static void compareType(JsonNode before, JsonNode after, String path, List<SchemaChange> changes) {
        Set<String> old = types(before.path("type"));
        Set<String> now = types(after.path("type"));
        if (old.equals(now)) {
            return;
        }
        boolean widened = accepts(now, old);
        boolean narrowed = accepts(old, now);
        ChangeRule rule = widened && !narrowed ? ChangeRule.TYPE_EXTENDED : narrowed && !widened ? ChangeRule.TYPE_NARROWED : ChangeRule.TYPE_CHANGED;
        changes.add(new SchemaChange(path, rule, describe("type", before, after)));
    }

    /** Whether every type in {@code inner} is accepted by {@code outer} (number accepts integer). */
    private static boolean accepts(Set<String> outer, Set<String> inner) {
        return inner.stream().allMatch(t -> outer.contains(t) || "integer".equals(t) && outer.contains("number"));
    }

    private static Set<String> types(JsonNode type) {
        Set<String> types = new LinkedHashSet<>();
        if (type.isMissingNode()) {
            types.addAll(TYPES);
        } else if (type.isTextual()) {
            types.add(type.asText());
        } else {
            type.forEach(t -> types.add(t.asText()));
        }
        return types;
    }

    private static void compareValues(JsonNode before, JsonNode after, String path, List<SchemaChange> changes) {
        Set<JsonNode> old = values(before);
        Set<JsonNode> now = values(after);
        if (old == null && now == null || old != null && old.equals(now)) {
            return;
        }
        boolean widened = now == null || old != null && now.containsAll(old);
        boolean narrowed = old == null || now != null && old.containsAll(now);
        ChangeRule rule = widened ? ChangeRule.ENUM_EXTENDED : narrowed ? ChangeRule.ENUM_NARROWED : ChangeRule.ENUM_CHANGED;
        changes.add(new SchemaChange(path, rule, "values " + (old == null ? "(any)" : old) + " → " + (now == null ? "(any)" : now)));
    }

    /** The values {@code enum} or {@code const} permit, null when any. */
    static Set<JsonNode> values(JsonNode schema) {
        if (schema.has("enum")) {
            Set<JsonNode> values = new LinkedHashSet<>();
            schema.path("enum").forEach(values::add);
            return values;
        }
        return schema.has("const") ? Set.of(schema.path("const")) : null;
    }

    /** @param direction 1 when a larger bound accepts more, -1 when a smaller one does */
    private static void compareBound(String keyword, JsonNode before, JsonNode after, String path, List<SchemaChange> changes,
                                     int direction) {
        JsonNode old = before.path(keyword);
        JsonNode now = after.path(keyword);
        if (old.equals(now) || old.isNumber() && now.isNumber() && old.decimalValue().compareTo(now.decimalValue()) == 0) {
            return;
        }
        boolean relaxed = now.isMissingNode()
                || !old.isMissingNode() && now.decimalValue().compareTo(old.decimalValue()) * direction > 0;
        changes.add(new SchemaChange(path, relaxed ? ChangeRule.CONSTRAINT_RELAXED : ChangeRule.CONSTRAINT_TIGHTENED,
                describe(keyword, before, after)));
    }

    private static void compareMultipleOf(JsonNode before, JsonNode after, String path, List<SchemaChange> changes) {
        JsonNode old = before.path("multipleOf");
        JsonNode now = after.path("multipleOf");
        if (old.equals(now)) {
            return;
        }
        ChangeRule rule;
        if (now.isMissingNode()) {
            rule = ChangeRule.CONSTRAINT_RELAXED;
        } else if (old.isMissingNode()) {
            rule = ChangeRule.CONSTRAINT_TIGHTENED;
        } else if (divides(now.decimalValue(), old.decimalValue())) {
            rule = ChangeRule.CONSTRAINT_RELAXED;
        } else if (divides(old.decimalValue(), now.decimalValue())) {
            rule = ChangeRule.CONSTRAINT_TIGHTENED;
        } else {
            rule = ChangeRule.CONSTRAINT_CHANGED;
        }
        changes.add(new SchemaChange(path, rule, describe("multipleOf", before, after)));
    }

    /** Whether every multiple of {@code multiple} is a multiple of {@code divisor}. */
    private static boolean divides(BigDecimal divisor, BigDecimal multiple) {
        return divisor.signum() != 0 && multiple.remainder(divisor).signum() == 0;
    }

    private static String describe(String keyword, JsonNode before, JsonNode after) {
        return keyword + " " + SchemaDiff.text(before.path(keyword)) + " → " + SchemaDiff.text(after.path(keyword));
    }
}
