package dev.accord.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accord.core.contract.DomainSpec;
import dev.accord.core.contract.FieldSpec;
import dev.accord.core.contract.FieldType;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * What a consumer can rely on in one field of one version: its type, the values it can hold, whether it is
 * always present. Read from a loaded contract (schema and contract rules together) or from a bare schema (a
 * registered version).
 *
 * @param values the values the field can hold, null when any
 */
record FieldFacts(FieldType type, Set<String> values, boolean required) {

    static Optional<FieldFacts> of(DomainSpec domain, String field) {
        Optional<FieldSpec> spec = domain.field(field);
        if (spec.isEmpty()) {
            return Optional.empty();
        }
        JsonNode schema = domain.schema() == null ? null : domain.schema().schema();
        Set<String> values = schema == null ? null : enumValues(schema.path("properties").path(field));
        if (!spec.get().allowed().isEmpty()) {
            Set<String> allowed = new LinkedHashSet<>(spec.get().allowed());
            if (values != null) {
                allowed.retainAll(values);
            }
            values = allowed;
        }
        boolean required = spec.get().required() || spec.get().requiredFrom() != null || schema != null && listed(schema, field);
        return Optional.of(new FieldFacts(spec.get().type(), values, required));
    }

    static Optional<FieldFacts> of(JsonNode schema, String field) {
        JsonNode property = schema.path("properties").path(field);
        if (property.isMissingNode()) {
            return Optional.empty();
        }
        JsonNode type = property.path("type");
        String name = type.isTextual() ? type.asText() : null;
        for (JsonNode member : type) {
            if (!"null".equals(member.asText())) {
                name = member.asText();
            }
        }
        return Optional.of(new FieldFacts(FieldType.fromJsonSchema(name, property.path("format").asText(null)),
                enumValues(property), listed(schema, field)));
    }

    private static Set<String> enumValues(JsonNode property) {
        Set<JsonNode> values = KeywordDiff.values(property);
        if (values == null) {
            return null;
        }
        Set<String> texts = new LinkedHashSet<>();
        values.forEach(v -> texts.add(v.asText()));
        return texts;
    }

    private static boolean listed(JsonNode schema, String field) {
        for (JsonNode name : schema.path("required")) {
            if (name.asText().equals(field)) {
                return true;
            }
        }
        return false;
    }
}
