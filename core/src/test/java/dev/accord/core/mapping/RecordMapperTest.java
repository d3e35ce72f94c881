package dev.accord.core.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.accord.core.TestContracts;
import dev.accord.core.contract.Contract;
import dev.accord.core.validation.ReasonCode;
import dev.accord.core.validation.Violation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/** Ingress and egress through the example contract's CRM and billing mappings. */
class RecordMapperTest {

    private static final Contract CONTRACT = TestContracts.example();

    private final RecordMapper crm = new RecordMapper(CONTRACT, "crm", "customer");
    private final RecordMapper billing = new RecordMapper(CONTRACT, "billing", "customer");

    @Test
    void renamesLocalColumnsToCanonicalFields() {
        Mapped mapped = crm.toCanonical(row("id", "C000001", "full_name", "Ada Lovelace", "email", "ada@example.com"));

        assertThat(mapped.isValid()).isTrue();
        assertThat(mapped.key()).isEqualTo("C000001");
        assertThat(mapped.fields()).containsOnlyKeys("customer_id", "name", "email");
        assertThat(text(mapped, "name")).isEqualTo("Ada Lovelace");
    }

    @Test
    void composesTextToNfc() {
        Mapped mapped = crm.toCanonical(row("id", "C000001", "full_name", "Rene\u0301 Descartes"));

        assertThat(text(mapped, "name")).isEqualTo("Ren\u00e9 Descartes").hasSize(14);
    }

    @Test
    void trimsLeadingAndTrailingWhiteSpaceButKeepsInnerSpaces() {
        Mapped mapped = crm.toCanonical(row("id", "  C000001\t", "full_name", " \tAda  Lovelace \n", "email", "\u2003ada@example.com\u3000"));

        assertThat(mapped.key()).isEqualTo("C000001");
        assertThat(text(mapped, "name")).isEqualTo("Ada  Lovelace");
        assertThat(text(mapped, "email")).isEqualTo("ada@example.com");
    }

    @Test
    void blankTextBecomesJsonNull() {
        Mapped mapped = crm.toCanonical(row("id", "C000001", "full_name", "   ", "phone", ""));

        assertThat(mapped.isValid()).isTrue();
        assertThat(mapped.fields().get("name")).isEqualTo(NullNode.getInstance());
        assertThat(mapped.fields().get("phone")).isEqualTo(NullNode.getInstance());
    }

    @Test
    void sqlNullBecomesJsonNullButAnAbsentColumnLeavesTheFieldOut() {
        Map<String, Object> row = new HashMap<>();
        row.put("id", "C000001");
        row.put("phone", null);

        Mapped mapped = crm.toCanonical(row);

        assertThat(mapped.fields()).containsEntry("phone", NullNode.getInstance()).doesNotContainKey("name");
    }

    @Test
    void columnNamesMatchWhateverTheirCase() {
        Mapped mapped = crm.toCanonical(row("ID", "C000001", "Full_Name", "Ada", "EMAIL", "ada@example.com", "STATUS_CODE", "A"));

        assertThat(mapped.key()).isEqualTo("C000001");
        assertThat(mapped.fields()).containsOnlyKeys("customer_id", "name", "email", "status");
        assertThat(text(mapped, "status")).isEqualTo("active");
    }

    @Test
    void columnsTheSystemDoesNotMapAreIgnored() {
        Mapped mapped = crm.toCanonical(row("id", "C000001", "internal_notes", "call back", "row_version", 7));

        assertThat(mapped.isValid()).isTrue();
        assertThat(mapped.fields()).containsOnlyKeys("customer_id");
    }

    @Test
    void unpairedHighSurrogateIsInvalidEncodingNamingTheColumn() {
        Mapped mapped = crm.toCanonical(row("id", "C000001", "full_name", "Ada \uD800"));

        assertThat(mapped.isValid()).isFalse();
        assertThat(mapped.violations()).singleElement().satisfies(v -> {
            assertThat(v.reason()).isEqualTo(ReasonCode.INVALID_ENCODING);
            assertThat(v.path()).isEqualTo("$.name");
            assertThat(v.message()).contains("column 'full_name'");
        });
        assertThat(mapped.fields()).doesNotContainKey("name");
    }

    @Test
    void loneLowSurrogateIsInvalidEncoding() {
        Mapped mapped = crm.toCanonical(row("id", "C000001", "email", "\uDC00ada@example.com"));

        assertThat(mapped.violations()).extracting(Violation::reason, Violation::path)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ReasonCode.INVALID_ENCODING, "$.email"));
    }

    @Test
    void replacementCharacterLeftByABrokenDecodeIsInvalidEncoding() {
        Mapped mapped = billing.toCanonical(row("customer_ref", "C000001", "contact_email", "caf\uFFFD@example.com"));

        assertThat(mapped.violations()).singleElement().satisfies(v -> {
            assertThat(v.reason()).isEqualTo(ReasonCode.INVALID_ENCODING);
            assertThat(v.path()).isEqualTo("$.email");
            assertThat(v.message()).contains("column 'contact_email'");
        });
    }

    @Test
    void properSurrogatePairsAreValidText() {
        Mapped mapped = crm.toCanonical(row("id", "C000001", "full_name", "Ada \uD83D\uDE00"));

        assertThat(mapped.isValid()).isTrue();
        assertThat(text(mapped, "name")).isEqualTo("Ada \uD83D\uDE00");
    }

    @Test
    void invalidEncodingInTheKeyIsReportedOnceAndNotAsAMissingKey() {
        Mapped mapped = crm.toCanonical(row("id", "C00\uD800001"));

        assertThat(mapped.key()).isNull();
        assertThat(mapped.violations()).extracting(Violation::reason).containsExactly(ReasonCode.INVALID_ENCODING);
    }

    @Test
    void enumSpellingsGoThroughTheValueMap() {
        assertThat(text(crm.toCanonical(row("id", "C000001", "status_code", "S")), "status")).isEqualTo("suspended");
        assertThat(text(billing.toCanonical(row("customer_ref", "C000001", "plan_code", "ENT")), "plan")).isEqualTo("enterprise");
    }

    @Test
    void enumSpellingsMatchIgnoringCaseAfterTrimming() {
        assertThat(text(billing.toCanonical(row("customer_ref", "C000001", "plan_code", "ent")), "plan")).isEqualTo("enterprise");
        assertThat(text(billing.toCanonical(row("customer_ref", "C000001", "plan_code", " Pro ")), "plan")).isEqualTo("pro");
        assertThat(text(crm.toCanonical(row("id", "C000001", "status_code", "c")), "status")).isEqualTo("closed");
    }

    @Test
    void anUnmappedSpellingPassesThroughForValidationToJudge() {
        Mapped mapped = billing.toCanonical(row("customer_ref", "C000001", "plan_code", "GOLD"));

        assertThat(mapped.isValid()).isTrue();
        assertThat(text(mapped, "plan")).isEqualTo("GOLD");
    }

    @Test
    void fieldsWithoutAValueMapKeepTheirSpelling() {
        Mapped mapped = crm.toCanonical(row("id", "C000001", "plan", "Enterprise"));

        assertThat(text(mapped, "plan")).isEqualTo("Enterprise");
    }

    @Test
    void unitFactorTurnsCentsIntoEuros() {
        Mapped mapped = billing.toCanonical(row("customer_ref", "C000001", "credit_limit_cents", 123456));

        assertThat(mapped.fields().get("credit_limit").decimalValue()).isEqualByComparingTo("1234.56");
        assertThat(mapped.fields().get("credit_limit").isNumber()).isTrue();
    }

    @Test
    void unitFactorAppliesToNumbersGivenAsTextDecimalsAndDoubles() {
        assertThat(creditLimit("123456")).isEqualByComparingTo("1234.56");
        assertThat(creditLimit(new BigDecimal("123456"))).isEqualByComparingTo("1234.56");
        assertThat(creditLimit(12345L)).isEqualByComparingTo("123.45");
        assertThat(creditLimit(12.5)).isEqualByComparingTo("0.125");
    }

    @Test
    void textThatIsNotANumberIsNotANumber() {
        Mapped mapped = billing.toCanonical(row("customer_ref", "C000001", "credit_limit_cents", "12 EUR"));

        assertThat(mapped.violations()).singleElement().satisfies(v -> {
            assertThat(v.reason()).isEqualTo(ReasonCode.NOT_A_NUMBER);
            assertThat(v.path()).isEqualTo("$.credit_limit");
            assertThat(v.message()).contains("'12 EUR'").contains("column 'credit_limit_cents'");
        });
    }

    @Test
    void datesFromTextAndJdbcValues() {
        assertThat(signupDate("2024-03-01")).isEqualTo("2024-03-01");
        assertThat(signupDate(" 2024-03-01 ")).isEqualTo("2024-03-01");
        assertThat(signupDate(LocalDate.of(2024, 3, 1))).isEqualTo("2024-03-01");
        assertThat(signupDate(java.sql.Date.valueOf("2024-03-01"))).isEqualTo("2024-03-01");
        assertThat(signupDate(LocalDateTime.of(2024, 3, 1, 23, 30))).isEqualTo("2024-03-01");
    }

    @Test
    void unreadableOrImpossibleDatesAreBadDates() {
        for (Object bad : new Object[] {"01.03.2024", "2024-02-30", "2024-03-01T10:00:00"}) {
            Mapped mapped = crm.toCanonical(row("id", "C000001", "signup_date", bad));
            assertThat(mapped.violations()).as("%s", bad).singleElement().satisfies(v -> {
                assertThat(v.reason()).isEqualTo(ReasonCode.BAD_DATE);
                assertThat(v.path()).isEqualTo("$.signup_date");
            });
        }
    }

    @Test
    void rowWithoutItsKeyColumnIsMissingTheKey() {
        Mapped mapped = crm.toCanonical(row("full_name", "Ada"));

        assertThat(mapped.key()).isNull();
        assertThat(mapped.violations()).singleElement().satisfies(v -> {
            assertThat(v.reason()).isEqualTo(ReasonCode.MISSING_KEY);
            assertThat(v.path()).isEqualTo("$.customer_id");
            assertThat(v.message()).contains("column 'id'");
        });
    }

    @Test
    void blankOrNullKeyIsMissingTheKey() {
        Map<String, Object> nullKey = new HashMap<>();
        nullKey.put("customer_ref", null);

        assertThat(billing.toCanonical(row("customer_ref", "  ")).violations())
                .extracting(Violation::reason).containsExactly(ReasonCode.MISSING_KEY);
        assertThat(billing.toCanonical(nullKey).violations()).singleElement()
                .satisfies(v -> assertThat(v.message()).contains("column 'customer_ref'"));
    }

    @Test
    void everyBrokenValueOfARowIsReported() {
        Mapped mapped = billing.toCanonical(row("customer_ref", "C000001", "contact_email", "a\uFFFD", "credit_limit_cents", "lots"));

        assertThat(mapped.violations()).extracting(Violation::reason)
                .containsExactlyInAnyOrder(ReasonCode.INVALID_ENCODING, ReasonCode.NOT_A_NUMBER);
    }

    @Test
    void toLocalReversesEnumMapsAndFactorsAndPutsTheKeyColumn() {
        Map<String, JsonNode> canonical = Map.of(
                "plan", TextNode.valueOf("enterprise"),
                "credit_limit", DecimalNode.valueOf(new BigDecimal("1234.56")),
                "email", TextNode.valueOf("ada@example.com"));

        Map<String, Object> local = billing.toLocal("C000001", canonical);

        assertThat(local).containsOnlyKeys("customer_ref", "plan_code", "credit_limit_cents", "contact_email");
        assertThat(local).containsEntry("customer_ref", "C000001").containsEntry("plan_code", "ENT")
                .containsEntry("contact_email", "ada@example.com");
        assertThat((BigDecimal) local.get("credit_limit_cents")).isEqualByComparingTo("123456");
    }

    @Test
    void toLocalSkipsFieldsTheSystemDoesNotMapAndTakesTheKeyFromTheArgument() {
        Map<String, Object> local = billing.toLocal("C000001", Map.of(
                "name", TextNode.valueOf("Ada"),
                "customer_id", TextNode.valueOf("C999999"),
                "phone", NullNode.getInstance()));

        assertThat(local).containsExactly(Map.entry("customer_ref", "C000001"));
    }

    @Test
    void toLocalWritesDatesNullsAndStatusCodes() {
        Map<String, JsonNode> canonical = new LinkedHashMap<>();
        canonical.put("status", TextNode.valueOf("closed"));
        canonical.put("signup_date", TextNode.valueOf("2024-03-01"));
        canonical.put("phone", NullNode.getInstance());

        Map<String, Object> local = crm.toLocal("C000001", canonical);

        assertThat(local).containsEntry("status_code", "C").containsEntry("signup_date", LocalDate.of(2024, 3, 1))
                .containsEntry("phone", null).containsEntry("id", "C000001");
    }

    @Test
    void canonicalValueWithoutALocalSpellingIsWrittenAsIs() {
        assertThat(billing.toLocal("C000001", Map.of("plan", TextNode.valueOf("trial")))).containsEntry("plan_code", "trial");
    }

    @Test
    void billingRowSurvivesARoundTrip() {
        Map<String, Object> original = row("customer_ref", "C000042", "contact_email", "ada@example.com",
                "plan_code", "PRO", "payment_status", "current", "credit_limit_cents", new BigDecimal("123456"));

        Mapped mapped = billing.toCanonical(original);
        Map<String, Object> back = billing.toLocal(mapped.key(), mapped.fields());

        assertThat(back).containsOnlyKeys(original.keySet());
        assertThat(back).containsEntry("plan_code", "PRO").containsEntry("contact_email", "ada@example.com")
                .containsEntry("payment_status", "current").containsEntry("customer_ref", "C000042");
        assertThat((BigDecimal) back.get("credit_limit_cents")).isEqualByComparingTo("123456");
    }

    @Test
    void describesTheMapping() {
        assertThat(billing.mappedFields()).containsExactlyInAnyOrder("customer_id", "email", "plan", "payment_status", "credit_limit");
        assertThat(billing.keyColumn()).isEqualTo("customer_ref");
        assertThat(crm.keyColumn()).isEqualTo("id");
        assertThat(crm.fieldsByColumn()).containsEntry("full_name", "name").containsEntry("status_code", "status").hasSize(7);
    }

    /**
     * Main-code bug: {@code FieldMapping} keeps the value map in {@code Map.copyOf}, whose iteration order
     * changes from one JVM to the next, so with several local spellings for one canonical value egress
     * writes a different one per worker (ENT, ent or Enterprise). Fails in most JVM runs.
     */
    @Disabled("main-code bug: reverse enum mapping with aliases depends on Map.copyOf iteration order")
    @Test
    void reverseMappingWithAliasesWritesTheFirstDeclaredSpelling() {
        Contract aliases = TestContracts.load(TestContracts.exampleWith("values: { FREE: free, PRO: pro, ENT: enterprise }",
                "values: { FREE: free, PRO: pro, ENT: enterprise, Enterprise: enterprise, ent: enterprise }"));
        RecordMapper mapper = new RecordMapper(aliases, "billing", "customer");

        assertThat(text(mapper.toCanonical(row("customer_ref", "C000001", "plan_code", "Enterprise")), "plan")).isEqualTo("enterprise");
        assertThat(mapper.toLocal("C000001", Map.of("plan", TextNode.valueOf("enterprise")))).containsEntry("plan_code", "ENT");
    }

    private BigDecimal creditLimit(Object cents) {
        Mapped mapped = billing.toCanonical(row("customer_ref", "C000001", "credit_limit_cents", cents));
        assertThat(mapped.violations()).isEmpty();
        return mapped.fields().get("credit_limit").decimalValue();
    }

    private String signupDate(Object value) {
        Mapped mapped = crm.toCanonical(row("id", "C000001", "signup_date", value));
        assertThat(mapped.violations()).isEmpty();
        return text(mapped, "signup_date");
    }

    static String text(Mapped mapped, String field) {
        JsonNode value = mapped.fields().get(field);
        assertThat(value).as("canonical %s", field).isNotNull();
        return value.asText();
    }

    static Map<String, Object> row(Object... columnsAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            row.put((String) columnsAndValues[i], columnsAndValues[i + 1]);
        }
        return row;
    }
}
