package dev.accord.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Whether one value satisfies one keyword of a schema, for the keywords simple enough to evaluate here. When a
 * schema lists its values ({@code enum}, {@code const}), a keyword added beside them costs nothing if every value
 * satisfies it: {@code {"const": "ab"}} loses nothing by gaining {@code "maxLength": 3}.
 */
final class ValueCheck {

    private ValueCheck() {}

    /** Whether every value satisfies the schema's keyword, as far as can be told here. */
    static boolean allSatisfy(Set<JsonNode> values, String keyword, JsonNode schema) {
        return values != null && keyword != null && values.stream().allMatch(v -> satisfies(v, keyword, schema).orElse(false));
    }

    /** @return empty when the keyword is not one evaluated here */
    static Optional<Boolean> satisfies(JsonNode value, String keyword, JsonNode schema) {
        if (keyword.equals("enum") || keyword.equals("const")) {
            Set<JsonNode> values = KeywordDiff.values(schema);
            return Optional.of(values == null || values.contains(value));
        }
        JsonNode bound = schema.path(keyword);
        if (bound.isMissingNode()) {
            return Optional.of(true);
        }
        return switch (keyword) {
            case "type" -> Optional.of(KeywordDiff.accepts(KeywordDiff.types(bound), Set.of(KeywordDiff.jsonType(value))));
            case "maxLength", "minLength" -> {
                if (!value.isTextual()) {
                    yield Optional.of(true);
                }
                yield bound.isIntegralNumber() ? Optional.of(compare(value.asText().codePointCount(0, value.asText().length()), bound, keyword))
                        : Optional.empty();
            }
            case "pattern" -> !value.isTextual() ? Optional.of(true) : matches(bound.asText(), value.asText());
            case "maximum", "minimum", "exclusiveMaximum", "exclusiveMinimum" -> !value.isNumber() ? Optional.of(true)
                    : bound.isNumber() ? Optional.of(inRange(value.decimalValue(), bound.decimalValue(), keyword)) : Optional.empty();
            case "multipleOf" -> !value.isNumber() ? Optional.of(true) : bound.isNumber() ? Optional.of(multiple(value, bound)) : Optional.empty();
            case "maxItems", "minItems" -> !value.isArray() ? Optional.of(true)
                    : Optional.of(compare(value.size(), bound, keyword));
            case "maxProperties", "minProperties" -> !value.isObject() ? Optional.of(true)
                    : Optional.of(compare(value.size(), bound, keyword));
            case "required" -> {
                if (!value.isObject()) {
                    yield Optional.of(true);
                }
                boolean all = true;
                for (JsonNode name : bound) {
                    all &= value.has(name.asText());
                }
                yield Optional.of(all);
            }
            default -> Optional.empty();
        };
    }

    private static boolean compare(int size, JsonNode bound, String keyword) {
        BigDecimal limit = bound.decimalValue();
        int order = BigDecimal.valueOf(size).compareTo(limit);
        return keyword.startsWith("max") ? order <= 0 : order >= 0;
    }

    private static boolean inRange(BigDecimal value, BigDecimal bound, String keyword) {
        int order = value.compareTo(bound);
        return switch (keyword) {
            case "maximum" -> order <= 0;
            case "minimum" -> order >= 0;
            case "exclusiveMaximum" -> order < 0;
            default -> order > 0;
        };
    }

    /** A multiple both in decimal and in the floating point a validator may use. */
    private static boolean multiple(JsonNode value, JsonNode divisor) {
        if (divisor.decimalValue().signum() == 0) {
            return false;
        }
        boolean decimal = value.decimalValue().remainder(divisor.decimalValue()).signum() == 0;
        double quotient = value.doubleValue() / divisor.doubleValue();
        return decimal && quotient == Math.floor(quotient) && !Double.isInfinite(quotient);
    }

    private static Optional<Boolean> matches(String pattern, String text) {
        try {
            return Optional.of(Pattern.compile(pattern).matcher(text).find());
        } catch (PatternSyntaxException e) {
            return Optional.empty();
        }
    }
}
