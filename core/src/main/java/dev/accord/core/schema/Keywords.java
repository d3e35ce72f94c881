package dev.accord.core.schema;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The keywords the comparison understands; any other keyword that differs is {@link ChangeRule#KEYWORD_CHANGED}. */
final class Keywords {

    /** Upper bounds: a larger value (or none) accepts more. */
    static final List<String> UPPER = List.of("maxLength", "maximum", "exclusiveMaximum", "maxItems", "maxProperties", "maxContains");
    /** Lower bounds: a smaller value (or none) accepts more. */
    static final List<String> LOWER = List.of("minLength", "minimum", "exclusiveMinimum", "minItems", "minProperties", "minContains");

    static final Set<String> KNOWN;

    static {
        Set<String> known = new HashSet<>(Schemas.ANNOTATIONS);
        known.addAll(UPPER);
        known.addAll(LOWER);
        known.addAll(List.of("type", "enum", "const", "multipleOf", "pattern", "format", "uniqueItems",
                "properties", "patternProperties", "additionalProperties", "required", "propertyNames", "dependentRequired",
                "dependentSchemas", "dependencies", "unevaluatedProperties",
                "items", "prefixItems", "additionalItems", "contains", "unevaluatedItems",
                "allOf", "anyOf", "oneOf", "not", "if", "then", "else", "$ref"));
        KNOWN = Set.copyOf(known);
    }

    private Keywords() {}
}
