package dev.accord.core.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import dev.accord.core.contract.DomainSpec;
import dev.accord.core.contract.FieldSpec;
import dev.accord.core.contract.FormatCharacters;
import dev.accord.core.contract.SchemaCompiler;
import dev.accord.core.record.Values;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates canonical records of one domain against its JSON Schema (networknt json-schema-validator,
 * formats asserted) and against the contract's own field rules ({@code required}, {@code allowed}, and
 * {@code format-characters: reject}, checked before the schema so that an invisible character is named as such).
 *
 * <p>A system stores only some of a domain's fields, so "required" is checked only for the fields the
 * caller says are in scope: the fields the source maps at ingress, the fields the target maps at egress.
 */
public final class SchemaValidator {

    private final DomainSpec domain;
    private final JsonSchema schema;

    public SchemaValidator(DomainSpec domain) {
        this.domain = domain;
        this.schema = SchemaCompiler.compile(domain.schema().schema());
    }

    /**
     * Validates with the requirements in force today (UTC) and no feature flags switched on.
     *
     * @param key the record's key
     * @param fields canonical values; a JSON null counts as empty
     * @param inScope the fields whose presence is checked
     */
    public List<Violation> validate(String key, Map<String, JsonNode> fields, Collection<String> inScope) {
        return check(key, fields, inScope, Requirements.asOfNow()).violations();
    }

    /**
     * Validates and reports, as warnings, the empty fields whose {@code required-from} is not in force yet.
     *
     * @param requirements the day and the feature flags that decide which {@code required-from} rules hold
     */
    public Validation check(String key, Map<String, JsonNode> fields, Collection<String> inScope, Requirements requirements) {
        List<Violation> violations = new ArrayList<>();
        if (key == null || key.isBlank()) {
            violations.add(Violation.at(ReasonCode.MISSING_KEY, domain.key(), "the key field '" + domain.key() + "' is empty"));
        }
        ObjectNode instance = JsonNodeFactory.instance.objectNode();
        fields.forEach((name, value) -> {
            if (value != null && !value.isNull()) {
                instance.set(name, value);
            }
        });
        if (key != null && domain.field(domain.key()).isPresent() && !instance.has(domain.key())) {
            instance.put(domain.key(), key);
        }
        Set<String> scope = Set.copyOf(inScope);
        violations.addAll(formatCharacters(instance));
        for (ValidationMessage message : schema.validate(instance)) {
            Violation violation = translate(message);
            if (violation.reason() != ReasonCode.REQUIRED_MISSING || scope.contains(message.getProperty())) {
                violations.add(violation);
            }
        }
        violations.addAll(contractRules(fields, scope, instance));
        List<Violation> warnings = new ArrayList<>();
        phasedIn(scope, instance, requirements, violations, warnings);
        return new Validation(oneProblemPerPath(violations), warnings);
    }

    /** {@code required-from}: an empty field is a violation once the requirement is in force, a warning before. */
    private void phasedIn(Set<String> scope, ObjectNode instance, Requirements requirements, List<Violation> violations,
                          List<Violation> warnings) {
        for (FieldSpec field : domain.fields().values()) {
            if (field.requiredFrom() == null || instance.has(field.name()) || !scope.contains(field.name())) {
                continue;
            }
            if (field.requiredFrom().inForce(requirements.today(), requirements.flags())) {
                violations.add(Violation.at(ReasonCode.REQUIRED_MISSING, field.name(),
                        "required field '" + field.name() + "' is empty (required from " + field.requiredFrom() + ")"));
            } else {
                warnings.add(Violation.at(ReasonCode.REQUIRED_MISSING, field.name(),
                        "field '" + field.name() + "' is empty; it will be required from " + field.requiredFrom()));
            }
        }
    }

    /**
     * Format characters in fields that reject them. Ingress rejects them while mapping; this catches values that
     * reached the hub another way or before the rule, on their way out to a target.
     */
    private List<Violation> formatCharacters(ObjectNode instance) {
        List<Violation> violations = new ArrayList<>();
        for (FieldSpec field : domain.fields().values()) {
            JsonNode value = instance.get(field.name());
            if (field.formatCharacters() == FormatCharacters.REJECT && value != null && value.isTextual()) {
                InvisibleCharacters.find(field.name(), "field '" + field.name() + "'", value.asText()).ifPresent(violations::add);
            }
        }
        return violations;
    }

    private List<Violation> contractRules(Map<String, JsonNode> fields, Set<String> scope, ObjectNode instance) {
        List<Violation> violations = new ArrayList<>();
        for (FieldSpec field : domain.fields().values()) {
            JsonNode value = fields.get(field.name());
            boolean empty = !instance.has(field.name());
            if (field.required() && empty && scope.contains(field.name()) && !requiredBySchema(field.name())) {
                violations.add(Violation.at(ReasonCode.REQUIRED_MISSING, field.name(), "required field '" + field.name() + "' is empty"));
            }
            if (!empty && !field.allowed().isEmpty() && field.allowed().stream()
                    .noneMatch(a -> Values.same(JsonNodeFactory.instance.textNode(a), value) || a.equals(value.asText()))) {
                violations.add(Violation.at(ReasonCode.VALUE_NOT_ALLOWED, field.name(),
                        "'" + value.asText() + "' is not allowed; allowed: " + String.join(", ", field.allowed())));
            }
        }
        return violations;
    }

    /**
     * One problem per value: the schema's enum and the contract's allowed list, or an empty key and the
     * key's own constraints, would otherwise report the same mistake twice. The first reported wins.
     */
    private static List<Violation> oneProblemPerPath(List<Violation> violations) {
        java.util.Map<String, Violation> byPath = new java.util.LinkedHashMap<>();
        violations.forEach(v -> byPath.putIfAbsent(v.path(), v));
        return new ArrayList<>(byPath.values());
    }

    private boolean requiredBySchema(String field) {
        for (JsonNode name : domain.schema().schema().path("required")) {
            if (name.asText().equals(field)) {
                return true;
            }
        }
        return false;
    }

    private static Violation translate(ValidationMessage message) {
        String path = message.getInstanceLocation() == null ? "$" : message.getInstanceLocation().toString();
        ReasonCode reason = switch (message.getType()) {
            case "type" -> ReasonCode.SCHEMA_TYPE;
            case "required" -> ReasonCode.REQUIRED_MISSING;
            case "enum", "const" -> ReasonCode.VALUE_NOT_ALLOWED;
            case "additionalProperties", "unevaluatedProperties" -> ReasonCode.SCHEMA_UNKNOWN_FIELD;
            case "pattern", "format", "minLength", "maxLength", "minimum", "maximum", "exclusiveMinimum",
                 "exclusiveMaximum", "multipleOf" -> ReasonCode.SCHEMA_CONSTRAINT;
            default -> ReasonCode.SCHEMA_VIOLATION;
        };
        boolean namesProperty = reason == ReasonCode.REQUIRED_MISSING || reason == ReasonCode.SCHEMA_UNKNOWN_FIELD;
        if (namesProperty && message.getProperty() != null) {
            path = "$." + message.getProperty();
        }
        return new Violation(reason, path, message.getError());
    }
}
