package dev.accord.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The keywords of one schema node that are compared value by value: annotations, {@code default}, {@code $schema},
 * {@code type}, {@code enum}/{@code const}, the numeric, length and count bounds, {@code multipleOf},
 * {@code pattern}, {@code format} and {@code uniqueItems}.
 */
final class KeywordDiff {

    private static final List<String> ANNOTATIONS = List.of("title", "description", "$comment", "examples", "readOnly",
            "writeOnly", "deprecated");
    private static final List<String> TYPES = List.of("null", "boolean", "object", "array", "number", "string", "integer");
    /** What an absent lower bound means: {@code minContains} defaults to 1, the others to 0 or no bound. */
    private static final Map<String, BigDecimal> LOWER_DEFAULTS = Map.of("minLength", BigDecimal.ZERO, "minItems",
            BigDecimal.ZERO, "minProperties", BigDecimal.ZERO, "minContains", BigDecimal.ONE);
    static final String DEFAULT_DRAFT = "https://json-schema.org/draft/2020-12/schema";

    private KeywordDiff() {}

    static void compare(JsonNode before, JsonNode after, String path, List<SchemaChange> changes) {
        int first = changes.size();
        compareAll(before, after, path, changes);
        Set<JsonNode> oldValues = values(before);
        Set<JsonNode> newValues = values(after);
        if (oldValues == null && newValues == null) {
            return;
        }
        for (int i = first; i < changes.size(); i++) {
            SchemaChange change = changes.get(i);
            String keyword = keywordOf(change.rule());
            boolean backward = change.backwardSafe() || ValueCheck.allSatisfy(oldValues, keyword, after);
            boolean forward = change.forwardSafe() || ValueCheck.allSatisfy(newValues, keyword, before);
            changes.set(i, new SchemaChange(change.path(), change.rule(), change.detail(), backward, forward));
        }
    }

    /** The keyword a change of this kind concerns, for the kinds {@link ValueCheck} can evaluate; null for the others. */
    private static String keywordOf(ChangeRule rule) {
        String name = rule.name();
        for (String keyword : Keywords.UPPER) {
            if (name.startsWith(BoundNames.stem(keyword) + "_")) {
                return keyword;
            }
        }
        for (String keyword : Keywords.LOWER) {
            if (name.startsWith(BoundNames.stem(keyword) + "_")) {
                return keyword;
            }
        }
        if (name.startsWith("TYPE_")) {
            return "type";
        }
        if (name.startsWith("ENUM_ARRAY_")) {
            return "enum";
        }
        if (name.startsWith("MULTIPLE_OF_")) {
            return "multipleOf";
        }
        return name.startsWith("PATTERN_") && !name.startsWith("PATTERN_PROPERTIES") ? "pattern" : null;
    }

    private static void compareAll(JsonNode before, JsonNode after, String path, List<SchemaChange> changes) {
        for (String keyword : ANNOTATIONS) {
            if (!before.path(keyword).equals(after.path(keyword))) {
                changes.add(new SchemaChange(path, ChangeRule.ANNOTATION_CHANGED, describe(keyword, before, after)));
            }
        }
        if (!before.path("default").equals(after.path("default"))) {
            changes.add(new SchemaChange(path, ChangeRule.DEFAULT_CHANGED, describe("default", before, after)));
        }
        if (!before.path("$id").equals(after.path("$id"))) {
            changes.add(new SchemaChange(path, ChangeRule.ID_CHANGED, describe("$id", before, after)));
        }
        if ((before.has("$schema") || after.has("$schema")) && !draft(before).equals(draft(after))) {
            changes.add(new SchemaChange(path, ChangeRule.DRAFT_CHANGED, describe("$schema", before, after)));
        }
        if (valueBesideType(before) || valueBesideType(after)) {
            if (!before.path("type").equals(after.path("type")) || !Objects.equals(values(before), values(after))) {
                changes.add(new SchemaChange(path, ChangeRule.UNDECIDABLE, "an enum/const value of a type the type keyword "
                        + "excludes: the validator does not always enforce the type there; " + describe("type", before, after)));
            }
        } else {
            compareType(before, after, path, changes);
            compareValues(before, after, path, changes);
        }
        Keywords.UPPER.forEach(k -> compareBound(k, before, after, path, changes, 1));
        Keywords.LOWER.forEach(k -> compareBound(k, before, after, path, changes, -1));
        compareMultipleOf(before, after, path, changes);
        compareExact("pattern", ChangeRule.PATTERN_ADDED, ChangeRule.PATTERN_REMOVED, ChangeRule.PATTERN_CHANGED, before, after, path, changes);
        compareExact("format", ChangeRule.FORMAT_ADDED, ChangeRule.FORMAT_REMOVED, ChangeRule.FORMAT_CHANGED, before, after, path, changes);
        boolean uniqueBefore = before.path("uniqueItems").asBoolean(false);
        boolean uniqueAfter = after.path("uniqueItems").asBoolean(false);
        if (uniqueBefore != uniqueAfter) {
            changes.add(new SchemaChange(path, uniqueAfter ? ChangeRule.UNIQUE_ITEMS_ADDED : ChangeRule.UNIQUE_ITEMS_REMOVED,
                    describe("uniqueItems", before, after)));
        }
    }

    /**
     * An {@code enum}/{@code const} value of a type the {@code type} keyword excludes: networknt enforces the type
     * there when the schema is inline, not when it is reached through a {@code $ref} (found by the soundness test),
     * so what such a schema accepts is not decided here.
     */
    static boolean valueBesideType(JsonNode schema) {
        Set<JsonNode> values = values(schema);
        return values != null && schema.has("type")
                && values.stream().anyMatch(v -> !accepts(types(schema.path("type")), Set.of(jsonType(v))));
    }

    static String jsonType(JsonNode value) {
        return value.isIntegralNumber() ? "integer" : value.isNumber() ? "number" : value.isTextual() ? "string"
                : value.isBoolean() ? "boolean" : value.isNull() ? "null" : value.isArray() ? "array" : "object";
    }

    /** The draft a node's {@code $schema} names, spelled one way; the default when it names none. */
    static String draft(JsonNode node) {
        String draft = node.path("$schema").asText(DEFAULT_DRAFT).toLowerCase(Locale.ROOT).replace("http://", "https://");
        return draft.endsWith("#") ? draft.substring(0, draft.length() - 1) : draft;
    }

    /**
     * The {@code type} keyword, judged by the types each side's documents can have: an old schema of
     * {@code "enum": ["a", true]} loses nothing when the new one says {@code "type": ["string", "boolean"]}.
     */
    private static void compareType(JsonNode before, JsonNode after, String path, List<SchemaChange> changes) {
        Set<String> old = types(before.path("type"));
        Set<String> now = types(after.path("type"));
        if (accepts(now, old) && accepts(old, now)) {
            return;
        }
        boolean backward = accepts(now, possibleTypes(before));
        boolean forward = accepts(old, possibleTypes(after));
        boolean widened = accepts(now, old);
        boolean narrowed = accepts(old, now);
        ChangeRule rule = widened ? ChangeRule.TYPE_EXTENDED : narrowed ? ChangeRule.TYPE_NARROWED : ChangeRule.TYPE_CHANGED;
        changes.add(new SchemaChange(path, rule, describe("type", before, after), backward, forward));
    }

    /**
     * The types a schema's documents can have: its {@code type}, and when it lists values, only the types of those
     * it accepts. A whole number written as {@code 1} is an integer; one written {@code 1.0} is counted a number only,
     * the cautious reading.
     */
    static Set<String> possibleTypes(JsonNode schema) {
        Set<String> declared = types(schema.path("type"));
        Set<JsonNode> values = values(schema);
        if (values == null) {
            return declared;
        }
        Set<String> possible = new LinkedHashSet<>();
        for (JsonNode value : values) {
            String type = jsonType(value);
            if (accepts(declared, Set.of(type))) {
                possible.add(type);
            }
        }
        return possible;
    }

    /** Whether every type in {@code inner} is accepted by {@code outer} (number accepts integer). */
    static boolean accepts(Set<String> outer, Set<String> inner) {
        return inner.stream().allMatch(t -> outer.contains(t) || "integer".equals(t) && outer.contains("number"));
    }

    /** The types a {@code type} keyword allows; all of them when it is absent. */
    static Set<String> types(JsonNode type) {
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
        boolean widened = now == null || old != null && old.stream().allMatch(now::contains);
        boolean narrowed = old == null || now != null && now.stream().allMatch(old::contains);
        ChangeRule rule = widened ? ChangeRule.ENUM_ARRAY_EXTENDED : narrowed ? ChangeRule.ENUM_ARRAY_NARROWED : ChangeRule.ENUM_ARRAY_CHANGED;
        changes.add(new SchemaChange(path, rule, "values " + (old == null ? "(any)" : old) + " → " + (now == null ? "(any)" : now)));
    }

    /**
     * The values {@code enum} and {@code const} together permit, null when any. Values are compared as JSON nodes,
     * so {@code 1} and {@code 1.0} count as different: the cautious reading.
     */
    static Set<JsonNode> values(JsonNode schema) {
        Set<JsonNode> values = null;
        if (schema.has("enum")) {
            values = new LinkedHashSet<>();
            schema.path("enum").forEach(values::add);
        }
        if (schema.has("const")) {
            JsonNode constant = schema.path("const");
            values = values == null || values.contains(constant) ? new LinkedHashSet<>(Set.of(constant)) : new LinkedHashSet<>();
        }
        return values;
    }

    /** @param direction 1 when a larger bound accepts more, -1 when a smaller one does */
    private static void compareBound(String keyword, JsonNode before, JsonNode after, String path, List<SchemaChange> changes,
                                     int direction) {
        JsonNode old = before.path(keyword);
        JsonNode now = after.path(keyword);
        if (old.equals(now)) {
            return;
        }
        if (!old.isMissingNode() && !old.isNumber() || !now.isMissingNode() && !now.isNumber()) {
            changes.add(new SchemaChange(path, ChangeRule.UNDECIDABLE, describe(keyword, before, after)
                    + " (a draft-04 boolean bound, or not a number)"));
            return;
        }
        BigDecimal defaultValue = LOWER_DEFAULTS.get(keyword);
        BigDecimal oldValue = old.isMissingNode() ? defaultValue : old.decimalValue();
        BigDecimal newValue = now.isMissingNode() ? defaultValue : now.decimalValue();
        if (oldValue != null && newValue != null && oldValue.compareTo(newValue) == 0) {
            return;
        }
        boolean relaxed = newValue == null || oldValue != null && newValue.compareTo(oldValue) * direction > 0;
        String stem = BoundNames.stem(keyword);
        String suffix;
        if (old.isMissingNode() && !relaxed) {
            suffix = "ADDED";
        } else if (now.isMissingNode() && relaxed) {
            suffix = "REMOVED";
        } else {
            suffix = relaxed == (direction > 0) ? "INCREASED" : "DECREASED";
        }
        changes.add(new SchemaChange(path, ChangeRule.valueOf(stem + "_" + suffix), describe(keyword, before, after)));
    }

    private static void compareMultipleOf(JsonNode before, JsonNode after, String path, List<SchemaChange> changes) {
        JsonNode old = before.path("multipleOf");
        JsonNode now = after.path("multipleOf");
        if (old.equals(now) || old.isNumber() && now.isNumber() && old.decimalValue().compareTo(now.decimalValue()) == 0) {
            return;
        }
        ChangeRule rule;
        if (now.isMissingNode()) {
            rule = ChangeRule.MULTIPLE_OF_REMOVED;
        } else if (old.isMissingNode()) {
            rule = ChangeRule.MULTIPLE_OF_ADDED;
        } else if (!old.isNumber() || !now.isNumber()) {
            rule = ChangeRule.MULTIPLE_OF_CHANGED;
        } else if (divides(now.decimalValue(), old.decimalValue())) {
            rule = ChangeRule.MULTIPLE_OF_REDUCED;
        } else if (divides(old.decimalValue(), now.decimalValue())) {
            rule = ChangeRule.MULTIPLE_OF_EXPANDED;
        } else {
            rule = ChangeRule.MULTIPLE_OF_CHANGED;
        }
        changes.add(new SchemaChange(path, rule, describe("multipleOf", before, after)));
    }

    /** Whether every multiple of {@code multiple} is a multiple of {@code divisor}. */
    private static boolean divides(BigDecimal divisor, BigDecimal multiple) {
        return divisor.signum() != 0 && multiple.remainder(divisor).signum() == 0;
    }

    private static void compareExact(String keyword, ChangeRule added, ChangeRule removed, ChangeRule changed, JsonNode before,
                                     JsonNode after, String path, List<SchemaChange> changes) {
        JsonNode old = before.path(keyword);
        JsonNode now = after.path(keyword);
        if (!old.equals(now)) {
            changes.add(new SchemaChange(path, old.isMissingNode() ? added : now.isMissingNode() ? removed : changed,
                    describe(keyword, before, after)));
        }
    }

    static String describe(String keyword, JsonNode before, JsonNode after) {
        return keyword + " " + Schemas.text(before.path(keyword)) + " → " + Schemas.text(after.path(keyword));
    }
}
