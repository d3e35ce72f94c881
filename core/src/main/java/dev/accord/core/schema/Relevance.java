package dev.accord.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keywords that apply to one JSON type only ({@code maxLength} to strings, {@code items} to arrays, …) constrain
 * nothing for documents of other types: a schema of {@code "type": "string"} that gains {@code minItems} is as it
 * was. Which keyword applies to which type follows the runtime validator, not only the specification:
 * networknt's {@code uniqueItems} also rejects an object with two equal values, and its {@code maxContains}
 * without {@code contains} rejects a number, so those count for every type.
 */
final class Relevance {

    private static final Map<String, List<String>> BY_TYPE = Map.of(
            "string", List.of("minLength", "maxLength", "pattern"),
            "number", List.of("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"),
            "array", List.of("items", "prefixItems", "additionalItems", "contains", "minItems", "maxItems",
                    "unevaluatedItems"),
            "object", List.of("properties", "patternProperties", "additionalProperties", "required", "propertyNames",
                    "minProperties", "maxProperties", "dependentRequired", "dependentSchemas", "dependencies", "unevaluatedProperties"));

    private Relevance() {}

    /** Formats that only ever apply to strings. */
    private static final Set<String> STRING_FORMATS = Set.of("date", "date-time", "time", "duration", "email", "idn-email",
            "hostname", "idn-hostname", "ipv4", "ipv6", "uri", "uri-reference", "iri", "iri-reference", "uuid", "uri-template",
            "json-pointer", "relative-json-pointer", "regex");

    /** The schema without the keywords for types neither version admits. */
    static ObjectNode strip(ObjectNode schema, Set<String> admitted) {
        ObjectNode stripped = null;
        if (!admitted.contains("string") && STRING_FORMATS.contains(schema.path("format").asText())) {
            stripped = schema.deepCopy();
            stripped.remove("format");
        }
        for (Map.Entry<String, List<String>> entry : BY_TYPE.entrySet()) {
            if (admitted.contains(entry.getKey())) {
                continue;
            }
            for (String keyword : entry.getValue()) {
                if (schema.has(keyword)) {
                    stripped = stripped == null ? schema.deepCopy() : stripped;
                    stripped.remove(keyword);
                }
            }
        }
        return stripped == null ? schema : stripped;
    }

    /**
     * The changes found for the old schema's documents (whose backward verdicts count) and for the new schema's
     * (whose forward verdicts count), as one list: a change found for one side only is safe for the other, where the
     * keyword it concerns constrains nothing.
     */
    static List<SchemaChange> merge(List<SchemaChange> backward, List<SchemaChange> forward) {
        List<SchemaChange> merged = new ArrayList<>();
        List<SchemaChange> forwardLeft = new ArrayList<>(forward);
        for (SchemaChange change : backward) {
            Optional<SchemaChange> twin = forwardLeft.stream().filter(f -> f.path().equals(change.path()) && f.rule() == change.rule()
                    && f.detail().equals(change.detail())).findFirst();
            twin.ifPresent(forwardLeft::remove);
            merged.add(new SchemaChange(change.path(), change.rule(), change.detail(), change.backwardSafe(),
                    twin.map(SchemaChange::forwardSafe).orElse(true)));
        }
        forwardLeft.forEach(f -> merged.add(new SchemaChange(f.path(), f.rule(), f.detail(), true, f.forwardSafe())));
        return merged;
    }

    /**
     * The JSON types (integer counted as number) a schema admits, going by {@code type}, {@code enum} and
     * {@code const}; by the values alone where they list one the type excludes (networknt does not hold such values
     * to the type behind a {@code $ref}).
     */
    static Set<String> admitted(JsonNode schema) {
        Set<String> types = new LinkedHashSet<>();
        KeywordDiff.types(schema.path("type")).forEach(t -> types.add("integer".equals(t) ? "number" : t));
        Set<JsonNode> values = KeywordDiff.values(schema);
        if (values != null) {
            Set<String> valueTypes = new LinkedHashSet<>();
            values.forEach(v -> valueTypes.add(v.isNumber() ? "number" : v.isTextual() ? "string" : v.isBoolean() ? "boolean"
                    : v.isNull() ? "null" : v.isArray() ? "array" : "object"));
            if (KeywordDiff.valueBesideType(schema)) {
                return valueTypes;
            }
            types.retainAll(valueTypes);
        }
        return types;
    }
}
