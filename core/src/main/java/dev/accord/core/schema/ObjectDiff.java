package dev.accord.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The object content model: {@code properties}, {@code patternProperties} and {@code additionalProperties}
 * together (a property's value must satisfy its declared schema, every matching pattern's, or else
 * {@code additionalProperties}), then {@code required}, {@code propertyNames} and the dependencies.
 *
 * <p>A property declared on one side only is compared with what the other side applies to that name (a matching
 * pattern, or {@code additionalProperties}): adding {@code {"type": "string"}} where {@code additionalProperties}
 * was {@code {"type": "string"}} is no loss, adding it where it was {@code {"type": "number"}} is.
 */
final class ObjectDiff {

    private ObjectDiff() {}

    static void compare(Comparison comparison, JsonNode old, JsonNode now, String path, List<SchemaChange> changes) {
        contentModel(comparison, old, now, path, changes);
        required(old, now, path, changes);
        if (old.has("propertyNames") || now.has("propertyNames")) {
            List<SchemaChange> inner = comparison.compare(Schemas.typed(old.path("propertyNames"), "string"),
                    Schemas.typed(now.path("propertyNames"), "string"), path);
            if (!inner.isEmpty()) {
                changes.add(SchemaChange.summing(path, byVerdict(inner, ChangeRule.PROPERTY_NAMES_EXTENDED,
                        ChangeRule.PROPERTY_NAMES_NARROWED, ChangeRule.PROPERTY_NAMES_CHANGED), "propertyNames", inner));
            }
        }
        Dependencies.compare(comparison, old, now, path, changes);
    }

    private static void contentModel(Comparison comparison, JsonNode old, JsonNode now, String path, List<SchemaChange> changes) {
        JsonNode oldPatterns = old.path("patternProperties");
        JsonNode newPatterns = now.path("patternProperties");
        JsonNode oldRest = Schemas.orTrue(old.path("additionalProperties"));
        JsonNode newRest = Schemas.orTrue(now.path("additionalProperties"));
        boolean samePatterns = Schemas.names(oldPatterns).equals(Schemas.names(newPatterns));
        if (!samePatterns && !(Schemas.trivial(oldRest) && Schemas.trivial(newRest))) {
            changes.add(new SchemaChange(path, ChangeRule.UNDECIDABLE, "patternProperties " + Schemas.names(oldPatterns) + " → "
                    + Schemas.names(newPatterns) + " while additionalProperties applies to the names no pattern matches"));
            return;
        }
        Set<String> patterns = new LinkedHashSet<>(Schemas.names(oldPatterns));
        patterns.addAll(Schemas.names(newPatterns));
        for (String pattern : patterns) {
            List<SchemaChange> inner = comparison.compare(oldPatterns.path(pattern), newPatterns.path(pattern), path + "./" + pattern + "/");
            if (!inner.isEmpty()) {
                changes.add(SchemaChange.summing(path + "./" + pattern + "/", byVerdict(inner, ChangeRule.PATTERN_PROPERTIES_EXTENDED,
                        ChangeRule.PATTERN_PROPERTIES_NARROWED, ChangeRule.PATTERN_PROPERTIES_CHANGED), "patternProperties '" + pattern + "'", inner));
            }
        }
        Optional<List<Pattern>> compiled = compile(samePatterns ? oldPatterns : JsonNodeFactory.instance.objectNode());
        if (compiled.isEmpty()) {
            changes.add(new SchemaChange(path, ChangeRule.UNDECIDABLE, "a patternProperties key is not a regular expression Java reads"));
            return;
        }
        additional(comparison, oldRest, newRest, path, changes);
        JsonNode oldProperties = old.path("properties");
        JsonNode newProperties = now.path("properties");
        Set<String> names = new LinkedHashSet<>(Schemas.names(oldProperties));
        names.addAll(Schemas.names(newProperties));
        for (String name : names) {
            String at = path + "." + name;
            boolean declaredBefore = oldProperties.has(name);
            boolean declaredAfter = newProperties.has(name);
            if (declaredBefore && declaredAfter) {
                comparison.compare(oldProperties.get(name), newProperties.get(name), at, changes);
            } else if (declaredAfter) {
                JsonNode before = undeclared(name, compiled.get(), oldRest);
                List<SchemaChange> inner = comparison.compare(before, newProperties.get(name), at);
                ChangeRule rule = Schemas.isFalse(before) ? ChangeRule.PROPERTY_ADDED_TO_CLOSED_CONTENT_MODEL
                        : Schemas.trivial(before) ? ChangeRule.PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL
                        : inner.stream().allMatch(SchemaChange::backwardSafe) ? ChangeRule.PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL
                        : ChangeRule.PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL;
                changes.add(SchemaChange.summing(at, rule, "property '" + name + "' added", inner));
            } else {
                JsonNode after = undeclared(name, compiled.get(), newRest);
                List<SchemaChange> inner = comparison.compare(oldProperties.get(name), after, at);
                ChangeRule rule = Schemas.isFalse(after) ? ChangeRule.PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL
                        : Schemas.trivial(after) ? ChangeRule.PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL
                        : inner.stream().allMatch(SchemaChange::backwardSafe) ? ChangeRule.PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL
                        : ChangeRule.PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL;
                changes.add(SchemaChange.summing(at, rule, "property '" + name + "' removed", inner));
            }
        }
    }

    /** {@code additionalProperties}, for the names neither side declares. */
    private static void additional(Comparison comparison, JsonNode oldRest, JsonNode newRest, String path, List<SchemaChange> changes) {
        if (Schemas.isFalse(newRest) && !Schemas.isFalse(oldRest)) {
            changes.add(new SchemaChange(path, ChangeRule.ADDITIONAL_PROPERTIES_REMOVED, "additionalProperties " + oldRest + " → false"));
        } else if (Schemas.isFalse(oldRest) && !Schemas.isFalse(newRest)) {
            changes.add(new SchemaChange(path, ChangeRule.ADDITIONAL_PROPERTIES_ADDED, "additionalProperties false → " + newRest));
        } else {
            comparison.compare(oldRest, newRest, path + ".*", changes);
        }
    }

    /**
     * What applies to a property a schema does not declare, apart from the patterns (identical on both sides, so
     * compared separately): nothing more when a pattern matches it, else {@code additionalProperties}.
     */
    private static JsonNode undeclared(String name, List<Pattern> patterns, JsonNode rest) {
        return patterns.stream().anyMatch(p -> p.matcher(name).find()) ? Schemas.TRUE : rest;
    }

    private static Optional<List<Pattern>> compile(JsonNode patterns) {
        List<Pattern> compiled = new ArrayList<>();
        for (String pattern : Schemas.names(patterns)) {
            try {
                compiled.add(Pattern.compile(pattern));
            } catch (PatternSyntaxException e) {
                return Optional.empty();
            }
        }
        return Optional.of(compiled);
    }

    private static void required(JsonNode old, JsonNode now, String path, List<SchemaChange> changes) {
        Set<String> before = Schemas.texts(old.path("required"));
        Set<String> after = Schemas.texts(now.path("required"));
        for (String name : after) {
            if (!before.contains(name)) {
                boolean hasDefault = now.path("properties").path(name).has("default");
                changes.add(new SchemaChange(path + "." + name, hasDefault ? ChangeRule.REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED
                        : ChangeRule.REQUIRED_ATTRIBUTE_ADDED, "'" + name + "' became required"));
            }
        }
        for (String name : before) {
            if (!after.contains(name)) {
                changes.add(new SchemaChange(path + "." + name, ChangeRule.REQUIRED_ATTRIBUTE_REMOVED, "'" + name + "' no longer required"));
            }
        }
    }

    /** The kind for a computed change: what it does backward-safely is an extension, forward-safely a narrowing. */
    static ChangeRule byVerdict(List<SchemaChange> inner, ChangeRule extended, ChangeRule narrowed, ChangeRule changed) {
        boolean backward = inner.stream().allMatch(SchemaChange::backwardSafe);
        boolean forward = inner.stream().allMatch(SchemaChange::forwardSafe);
        return backward ? extended : forward ? narrowed : changed;
    }

}
