package dev.accord.core.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accord.core.contract.FieldMapping;
import dev.accord.core.contract.FieldType;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

/** Egress: canonical values back to what a local column holds, reversing enum maps and unit factors. */
final class LocalValues {

    private LocalValues() {}

    static Object toLocal(JsonNode value, FieldType type, FieldMapping mapping, ZoneId zone) {
        if (value == null || value.isNull()) {
            return null;
        }
        return switch (type) {
            case STRING -> localSpelling(value.asText(), mapping.values());
            case INTEGER -> mapping.factor() == null ? (Object) value.longValue() : unscale(value.decimalValue(), mapping);
            case DECIMAL -> unscale(value.decimalValue(), mapping);
            case BOOLEAN -> value.booleanValue();
            case TIMESTAMP -> Instant.parse(value.asText()).atZone(zone).toOffsetDateTime();
            case DATE -> LocalDate.parse(value.asText());
        };
    }

    static Object key(String key, FieldType type) {
        return type == FieldType.INTEGER ? (Object) Long.parseLong(key) : key;
    }

    private static BigDecimal unscale(BigDecimal canonical, FieldMapping mapping) {
        if (mapping.factor() == null) {
            return mapping.round() == null || canonical.scale() <= mapping.round().scale() ? canonical
                    : canonical.setScale(mapping.round().scale(), mapping.round().mode());
        }
        BigDecimal local = canonical.divide(mapping.factor(), MathContext.DECIMAL128).stripTrailingZeros();
        if (mapping.round() != null && local.scale() > mapping.round().scale()) {
            local = local.setScale(mapping.round().scale(), mapping.round().mode()).stripTrailingZeros();
        }
        return local.scale() < 0 ? local.setScale(0) : local;
    }

    private static String localSpelling(String canonical, Map<String, String> values) {
        for (Map.Entry<String, String> entry : values.entrySet()) {
            if (entry.getValue().equals(canonical)) {
                return entry.getKey();
            }
        }
        return canonical;
    }
}
