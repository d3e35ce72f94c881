package dev.accord.core.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.accord.core.contract.FieldMapping;
import dev.accord.core.contract.FieldType;
import dev.accord.core.contract.FormatCharacters;
import dev.accord.core.validation.InvisibleCharacters;
import dev.accord.core.validation.ReasonCode;
import dev.accord.core.validation.Violation;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Brings one local value into canonical form for its field type: text checked for broken encoding, its
 * invisible format characters rejected or stripped as the field says, then NFC and trimmed; enum spellings
 * through the mapping's value map, numbers through the unit factor, timestamps to UTC.
 */
final class ValueNormaliser {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ValueNormaliser() {}

    /** @param formatCharacters the field's rule for format characters; null for a field that is not text */
    static Normalised normalise(Object raw, FieldType type, FieldMapping mapping, ZoneId zone, FormatCharacters formatCharacters) {
        String field = mapping.field();
        if (raw == null) {
            return Normalised.ok(NullNode.getInstance());
        }
        if (raw instanceof String text) {
            if (TextNormaliser.hasInvalidEncoding(text)) {
                return Normalised.failed(Violation.at(ReasonCode.INVALID_ENCODING, field,
                        "column '" + mapping.column() + "' holds invalid Unicode; fix the source's encoding, Accord does not guess"));
            }
            if (formatCharacters == FormatCharacters.REJECT) {
                Optional<Violation> found = InvisibleCharacters.find(field, "column '" + mapping.column() + "'", text);
                if (found.isPresent()) {
                    return Normalised.failed(found.get());
                }
            } else if (formatCharacters == FormatCharacters.STRIP) {
                text = InvisibleCharacters.strip(text);
            }
            String clean = TextNormaliser.normalise(text);
            if (clean == null) {
                return Normalised.ok(NullNode.getInstance());
            }
            raw = clean;
        }
        return switch (type) {
            case STRING -> Normalised.ok(NODES.textNode(enumSpelling(raw.toString(), mapping.values())));
            case INTEGER -> integer(raw, mapping);
            case DECIMAL -> decimal(raw, mapping).map(NODES::numberNode);
            case BOOLEAN -> bool(raw, field);
            case TIMESTAMP -> Timestamps.toCanonical(raw, mapping.timezone() != null ? mapping.timezone() : zone, field);
            case DATE -> Timestamps.dateToCanonical(raw, field);
        };
    }

    /** The canonical spelling of a local enum value: exact match first, then ignoring case. */
    static String enumSpelling(String local, Map<String, String> values) {
        if (values.isEmpty()) {
            return local;
        }
        String exact = values.get(local);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, String> entry : values.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(local)) {
                return entry.getValue();
            }
        }
        return local;
    }

    private static Normalised integer(Object raw, FieldMapping mapping) {
        Decimal parsed = decimal(raw, mapping);
        if (parsed.violation != null) {
            return Normalised.failed(parsed.violation);
        }
        try {
            return Normalised.ok(NODES.numberNode(parsed.value.toBigIntegerExact().longValueExact()));
        } catch (ArithmeticException e) {
            return Normalised.failed(Violation.at(ReasonCode.NOT_AN_INTEGER, mapping.field(),
                    "'" + raw + "' is not a whole number" + (mapping.factor() == null ? "" : " after × " + mapping.factor())));
        }
    }

    private static Decimal decimal(Object raw, FieldMapping mapping) {
        BigDecimal value;
        try {
            value = toBigDecimal(raw);
        } catch (NumberFormatException e) {
            return new Decimal(null, Violation.at(ReasonCode.NOT_A_NUMBER, mapping.field(),
                    "'" + raw + "' in column '" + mapping.column() + "' is not a number"));
        }
        return new Decimal(mapping.factor() == null ? value : value.multiply(mapping.factor()), null);
    }

    private static BigDecimal toBigDecimal(Object raw) {
        if (raw instanceof BigDecimal d) {
            return d;
        }
        if (raw instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (raw instanceof Double || raw instanceof Float) {
            return new BigDecimal(raw.toString());
        }
        if (raw instanceof Number n) {
            return BigDecimal.valueOf(n.longValue());
        }
        return new BigDecimal(raw.toString().trim());
    }

    private static Normalised bool(Object raw, String field) {
        if (raw instanceof Boolean b) {
            return Normalised.ok(NODES.booleanNode(b));
        }
        String text = raw.toString().trim().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "true", "t", "yes", "y", "1" -> Normalised.ok(NODES.booleanNode(true));
            case "false", "f", "no", "n", "0" -> Normalised.ok(NODES.booleanNode(false));
            default -> Normalised.failed(Violation.at(ReasonCode.NOT_A_BOOLEAN, field, "'" + raw + "' is not a boolean"));
        };
    }

    private record Decimal(BigDecimal value, Violation violation) {
        Normalised map(java.util.function.Function<BigDecimal, JsonNode> toNode) {
            return violation != null ? Normalised.failed(violation) : Normalised.ok(toNode.apply(value));
        }
    }
}
