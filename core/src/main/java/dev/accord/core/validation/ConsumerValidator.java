package dev.accord.core.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accord.core.contract.ConsumerRead;
import dev.accord.core.contract.DomainMapping;
import dev.accord.core.contract.FieldType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Checks values about to be applied to a target against what the target declared it reads ({@code reads}):
 * the type it expects, the values it handles, and the fields it needs. The domain's schema may allow more than
 * one consumer handles; what this consumer cannot take is quarantined for it rather than written.
 */
public final class ConsumerValidator {

    private ConsumerValidator() {}

    /**
     * @param target how the target stores the domain, with its consumer declarations
     * @param values canonical values about to be written; a JSON null or blank text counts as empty
     * @param inScope the fields whose presence is checked (all mapped fields for a new row, the written ones for an update)
     */
    public static List<Violation> validate(String system, DomainMapping target, Map<String, JsonNode> values, Collection<String> inScope) {
        List<Violation> violations = new ArrayList<>();
        for (ConsumerRead read : target.reads().values()) {
            JsonNode value = values.get(read.field());
            boolean empty = value == null || value.isNull() || value.isTextual() && value.asText().isBlank();
            if (empty) {
                if (read.required() && inScope.contains(read.field())) {
                    violations.add(Violation.at(ReasonCode.CONSUMER_REQUIRED_MISSING, read.field(),
                            system + " needs '" + read.field() + "' in every record, and it is empty"));
                }
                continue;
            }
            if (read.type() != null && !hasType(value, read.type())) {
                violations.add(Violation.at(ReasonCode.CONSUMER_TYPE, read.field(), system + " reads '" + read.field() + "' as "
                        + read.type().name().toLowerCase(java.util.Locale.ROOT) + ", got " + value));
            } else if (!read.values().isEmpty() && !read.values().contains(value.asText())) {
                violations.add(Violation.at(ReasonCode.CONSUMER_VALUE_NOT_ACCEPTED, read.field(), system + " handles only "
                        + String.join(", ", read.values()) + " in '" + read.field() + "', got '" + value.asText() + "'"));
            }
        }
        return violations;
    }

    static boolean hasType(JsonNode value, FieldType type) {
        return switch (type) {
            case STRING -> value.isTextual();
            case INTEGER -> value.isIntegralNumber() || value.isNumber() && value.decimalValue().stripTrailingZeros().scale() <= 0;
            case DECIMAL -> value.isNumber();
            case BOOLEAN -> value.isBoolean();
            case TIMESTAMP -> value.isTextual() && parses(() -> Instant.parse(value.asText()));
            case DATE -> value.isTextual() && parses(() -> LocalDate.parse(value.asText()));
        };
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
