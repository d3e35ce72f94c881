package dev.accord.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.accord.core.TestContracts;
import dev.accord.core.contract.Contract;
import dev.accord.core.mapping.Mapped;
import dev.accord.core.mapping.RecordMapper;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Canonical customers against customer.schema.json and the example contract's required/allowed rules. */
class SchemaValidatorTest {

    private static final Contract CONTRACT = TestContracts.example();
    private static final Set<String> CRM_FIELDS = CONTRACT.mapping("crm", "customer").fields().keySet();
    private static final Set<String> BILLING_FIELDS = CONTRACT.mapping("billing", "customer").fields().keySet();

    private final SchemaValidator validator = new SchemaValidator(CONTRACT.domain("customer"));

    @Test
    void validCrmRecordPasses() {
        assertThat(validator.validate("C000001", crmRecord(), CRM_FIELDS)).isEmpty();
    }

    @Test
    void validBillingRecordPasses() {
        assertThat(validator.validate("C000001", billingRecord(), BILLING_FIELDS)).isEmpty();
    }

    @Test
    void mappedCrmRowPassesValidation() {
        RecordMapper crm = new RecordMapper(CONTRACT, "crm", "customer");
        Mapped mapped = crm.toCanonical(Map.of("id", "C000001", "full_name", " Ada ", "email", "ada@example.com",
                "phone", "  ", "status_code", "a", "signup_date", "2024-03-01"));

        assertThat(validator.validate(mapped.key(), mapped.fields(), crm.mappedFields())).isEmpty();
    }

    @Test
    void badEmailBreaksTheFormat() {
        List<Violation> violations = validator.validate("C000001", crmRecordWith("email", text("ada-at-example.com")), CRM_FIELDS);

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.reason()).isEqualTo(ReasonCode.SCHEMA_CONSTRAINT);
            assertThat(field(v)).isEqualTo("email");
        });
    }

    @Test
    void customerIdMustMatchItsPattern() {
        Map<String, JsonNode> record = crmRecordWith("customer_id", text("X-17"));

        List<Violation> violations = validator.validate("X-17", record, CRM_FIELDS);

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.reason()).isEqualTo(ReasonCode.SCHEMA_CONSTRAINT);
            assertThat(field(v)).isEqualTo("customer_id");
            assertThat(v.message()).contains("^C[0-9]{6}$");
        });
    }

    @Test
    void keyIsCheckedAgainstTheSchemaEvenWhenTheFieldsLeaveItOut() {
        Map<String, JsonNode> record = crmRecord();
        record.remove("customer_id");

        assertThat(validator.validate("C000001", record, CRM_FIELDS)).isEmpty();
        assertThat(validator.validate("C1", record, CRM_FIELDS)).extracting(Violation::reason)
                .containsExactly(ReasonCode.SCHEMA_CONSTRAINT);
    }

    @Test
    void wrongJsonTypeIsSchemaType() {
        List<Violation> violations = validator.validate("C000001", billingRecordWith("credit_limit", text("1234.56")), BILLING_FIELDS);

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.reason()).isEqualTo(ReasonCode.SCHEMA_TYPE);
            assertThat(field(v)).isEqualTo("credit_limit");
        });
    }

    @Test
    void numberWhereTextBelongsIsSchemaType() {
        List<Violation> violations = validator.validate("C000001", crmRecordWith("name", IntNode.valueOf(42)), CRM_FIELDS);

        assertThat(violations).extracting(Violation::reason).containsExactly(ReasonCode.SCHEMA_TYPE);
    }

    @Test
    void rangeAndDateFormatAreConstraints() {
        assertThat(validator.validate("C000001", billingRecordWith("credit_limit", IntNode.valueOf(-1)), BILLING_FIELDS))
                .extracting(Violation::reason).containsExactly(ReasonCode.SCHEMA_CONSTRAINT);
        assertThat(validator.validate("C000001", crmRecordWith("signup_date", text("2024-02-30")), CRM_FIELDS))
                .extracting(Violation::reason).containsExactly(ReasonCode.SCHEMA_CONSTRAINT);
    }

    @Test
    void valueOutsideTheEnumIsNotAllowed() {
        List<Violation> violations = validator.validate("C000001", crmRecordWith("status", text("gone")), CRM_FIELDS);

        assertThat(violations).isNotEmpty().allSatisfy(v -> {
            assertThat(v.reason()).isEqualTo(ReasonCode.VALUE_NOT_ALLOWED);
            assertThat(field(v)).isEqualTo("status");
        });
    }

    @Test
    void allowedValuesAreCaseSensitive() {
        List<Violation> violations = validator.validate("C000001", billingRecordWith("plan", text("Pro")), BILLING_FIELDS);

        assertThat(violations).isNotEmpty().extracting(Violation::reason).containsOnly(ReasonCode.VALUE_NOT_ALLOWED);
    }

    @Test
    void contractAllowedListIsCheckedBesidesTheSchema() {
        Contract narrower = TestContracts.load(TestContracts.exampleWith("allowed: [active, suspended, closed]", "allowed: [active, suspended]"));
        SchemaValidator narrow = new SchemaValidator(narrower.domain("customer"));

        List<Violation> violations = narrow.validate("C000001", crmRecordWith("status", text("closed")), CRM_FIELDS);

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.reason()).isEqualTo(ReasonCode.VALUE_NOT_ALLOWED);
            assertThat(v.path()).isEqualTo("$.status");
            assertThat(v.message()).isEqualTo("'closed' is not allowed; allowed: active, suspended");
        });
    }

    @Test
    void requiredFieldTheSourceDoesNotMapIsNotDemanded() {
        Map<String, JsonNode> billing = Map.of("email", text("ada@example.com"), "plan", text("pro"));

        assertThat(BILLING_FIELDS).doesNotContain("name");
        assertThat(validator.validate("C000001", billing, BILLING_FIELDS)).isEmpty();
    }

    @Test
    void requiredFieldTheSourceMapsMustHoldAValue() {
        Map<String, JsonNode> record = crmRecord();
        record.remove("name");

        List<Violation> violations = validator.validate("C000001", record, CRM_FIELDS);

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.reason()).isEqualTo(ReasonCode.REQUIRED_MISSING);
            assertThat(v.path()).isEqualTo("$.name");
        });
    }

    @Test
    void jsonNullCountsAsEmpty() {
        List<Violation> violations = validator.validate("C000001", crmRecordWith("name", NullNode.getInstance()), CRM_FIELDS);

        assertThat(violations).extracting(Violation::reason, Violation::path)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ReasonCode.REQUIRED_MISSING, "$.name"));
    }

    @Test
    void jsonNullOfAnOptionalFieldPasses() {
        Map<String, JsonNode> record = crmRecordWith("status", NullNode.getInstance());
        record.put("phone", NullNode.getInstance());

        assertThat(validator.validate("C000001", record, CRM_FIELDS)).isEmpty();
    }

    @Test
    void contractRequiredFieldIsCheckedWhenTheSchemaDoesNotRequireIt() {
        Contract requiring = TestContracts.load(TestContracts.exampleWith("        description: Contact phone in E.164 form.\n",
                "        description: Contact phone in E.164 form.\n        required: true\n"));
        SchemaValidator strict = new SchemaValidator(requiring.domain("customer"));
        Map<String, JsonNode> record = crmRecord();
        record.remove("phone");

        assertThat(strict.validate("C000001", record, CRM_FIELDS)).singleElement().satisfies(v -> {
            assertThat(v.reason()).isEqualTo(ReasonCode.REQUIRED_MISSING);
            assertThat(v.path()).isEqualTo("$.phone");
            assertThat(v.message()).isEqualTo("required field 'phone' is empty");
        });
        assertThat(strict.validate("C000001", billingRecordWith("plan", text("pro")), BILLING_FIELDS)).isEmpty();
    }

    @Test
    void unknownFieldIsRejected() {
        List<Violation> violations = validator.validate("C000001", crmRecordWith("shoe_size", IntNode.valueOf(44)), CRM_FIELDS);

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.reason()).isEqualTo(ReasonCode.SCHEMA_UNKNOWN_FIELD);
            assertThat(v.message()).contains("shoe_size");
        });
    }

    @Test
    void emptyKeyIsMissingKey() {
        Map<String, JsonNode> record = crmRecord();
        record.remove("customer_id");

        assertThat(validator.validate("", record, CRM_FIELDS)).anySatisfy(v -> {
            assertThat(v.reason()).isEqualTo(ReasonCode.MISSING_KEY);
            assertThat(v.path()).isEqualTo("$.customer_id");
        });
        assertThat(validator.validate(null, record, CRM_FIELDS)).extracting(Violation::reason).contains(ReasonCode.MISSING_KEY);
        assertThat(validator.validate("  ", Map.of(), Set.of())).extracting(Violation::reason).contains(ReasonCode.MISSING_KEY);
    }

    @Test
    void everyBrokenRuleIsReported() {
        Map<String, JsonNode> record = crmRecordWith("email", text("nope"));
        record.put("status", text("gone"));
        record.remove("name");

        assertThat(validator.validate("C000001", record, CRM_FIELDS)).extracting(Violation::reason)
                .contains(ReasonCode.SCHEMA_CONSTRAINT, ReasonCode.VALUE_NOT_ALLOWED, ReasonCode.REQUIRED_MISSING);
    }

    /**
     * The canonical field a violation points at. Contract rules write {@code $.field}; messages translated
     * from the JSON Schema validator currently carry its instance location ({@code /field}).
     */
    private static String field(Violation violation) {
        String path = violation.path();
        return path.startsWith("$.") ? path.substring(2) : path.startsWith("/") ? path.substring(1) : path;
    }

    private static Map<String, JsonNode> crmRecord() {
        Map<String, JsonNode> record = new HashMap<>();
        record.put("customer_id", text("C000001"));
        record.put("name", text("Ada Lovelace"));
        record.put("email", text("ada@example.com"));
        record.put("phone", text("+49 30 1234567"));
        record.put("status", text("active"));
        record.put("signup_date", text("2024-03-01"));
        record.put("plan", text("pro"));
        return record;
    }

    private static Map<String, JsonNode> billingRecord() {
        Map<String, JsonNode> record = new HashMap<>();
        record.put("customer_id", text("C000001"));
        record.put("email", text("ada@example.com"));
        record.put("plan", text("enterprise"));
        record.put("payment_status", text("overdue"));
        record.put("credit_limit", DecimalNode.valueOf(new BigDecimal("1234.56")));
        return record;
    }

    private static Map<String, JsonNode> billingRecordWith(String field, JsonNode value) {
        Map<String, JsonNode> record = billingRecord();
        record.put(field, value);
        return record;
    }

    private static Map<String, JsonNode> crmRecordWith(String field, JsonNode value) {
        Map<String, JsonNode> record = crmRecord();
        record.put(field, value);
        return record;
    }

    private static JsonNode text(String value) {
        return TextNode.valueOf(value);
    }
}
