package dev.accord.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.accord.core.TestContracts;
import dev.accord.core.contract.Contract;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every violation names its field as a JSON path ({@code $.email}), as {@link Violation} documents and as
 * quarantine entries store it, whichever rule (JSON Schema or contract) found it. json-schema-validator
 * 1.5 reports JSON Pointers ({@code /email}, and the root for an unknown field) unless told otherwise.
 */
class SchemaViolationPathsTest {

    private static final Contract CONTRACT = TestContracts.example();
    private static final Set<String> CRM_FIELDS = CONTRACT.mapping("crm", "customer").fields().keySet();

    private final SchemaValidator validator = new SchemaValidator(CONTRACT.domain("customer"));

    @Test
    void contractRulesAndRequiredFieldsNameTheFieldAsAJsonPath() {
        assertThat(validator.validate("C000001", Map.of("email", text("ada@example.com")), CRM_FIELDS))
                .extracting(Violation::reason, Violation::path)
                .containsExactly(tuple(ReasonCode.REQUIRED_MISSING, "$.name"));
    }

    @Test
    void schemaConstraintNamesTheFieldAsAJsonPath() {
        assertThat(validator.validate("C000001", record("email", text("ada-at-example.com")), CRM_FIELDS))
                .extracting(Violation::reason, Violation::path)
                .containsExactly(tuple(ReasonCode.SCHEMA_CONSTRAINT, "$.email"));
        assertThat(validator.validate("X-17", record("customer_id", text("X-17")), CRM_FIELDS))
                .extracting(Violation::reason, Violation::path)
                .containsExactly(tuple(ReasonCode.SCHEMA_CONSTRAINT, "$.customer_id"));
    }

    @Test
    void schemaTypeNamesTheFieldAsAJsonPath() {
        assertThat(validator.validate("C000001", record("name", IntNode.valueOf(42)), CRM_FIELDS))
                .extracting(Violation::reason, Violation::path)
                .containsExactly(tuple(ReasonCode.SCHEMA_TYPE, "$.name"));
    }

    @Test
    void unknownFieldIsNamedInThePath() {
        assertThat(validator.validate("C000001", record("loyalty", IntNode.valueOf(3)), CRM_FIELDS))
                .extracting(Violation::reason, Violation::path)
                .containsExactly(tuple(ReasonCode.SCHEMA_UNKNOWN_FIELD, "$.loyalty"));
    }

    private static Map<String, JsonNode> record(String field, JsonNode value) {
        Map<String, JsonNode> record = new java.util.HashMap<>(Map.of(
                "customer_id", text("C000001"), "name", text("Ada Lovelace"), "email", text("ada@example.com")));
        record.put(field, value);
        return record;
    }

    private static JsonNode text(String value) {
        return TextNode.valueOf(value);
    }
}
