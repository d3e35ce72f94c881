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
import org.junit.jupiter.api.Test;

/** Ingress and egress through the example contract: CRM (PostgreSQL, Europe/Berlin) and billing (MariaDB, UTC). */
class RecordMapperTest {

    private static final Contract CONTRACT = TestContracts.example();

    private final RecordMapper crm = new RecordMapper(CONTRACT, "crm", "customer");
    private final RecordMapper billing = new RecordMapper(CONTRACT, "billing", "customer");

    @Test
    void renamesColumnsToCanonicalFields() {
        Mapped mapped = crm.toCanonical(row("id", "C000001", "full_name", "Ada Lovelace", "email", "ada@example.com"));

        assertThat(mapped.isValid()).isTrue();
        assertThat(mapped.key()).isEqualTo("C000001");
        assertThat(text(mapped, "name")).isEqualTo("Ada Lovelace");
        assertThat(text(mapped, "email")).isEqualTo("ada@example.com");
        assertThat(mapped.fields()).containsOnlyKeys("customer_id", "name", "email");
    }

    @Test
    void textIsPutIntoUnicodeNfc() {
        Mapped mapped = crm.toCanonical(row("id", "C000001", "full_name", "Rene\u0301e e\u0301"));

        assertThat(text(mapped, "name")).isEqualTo("Ren\u00e9e \u00e9");
    }

    @Test
    void decomposedAccentAloneBecomesOneCharacter() {
        Mapped mapped = crm.toCanonical(row("id", "C000001", "full_name", "e\u0301"));

        assertThat(text(mapped, "name")).isEqualTo("\u00e9").hasSize(1);
    }

    @Test
    void textAndKeysAreTrimmed() {
        Mapped mapped = crm.toCanonical(row("id", "  C000001\t", "full_name", "\u2003 Ada Lovelace \n"));

        assertThat(mapped.key()).isEqualTo("C000001");
        assertThat(text(mapped, "customer_id")).isEqualTo("C000001");
        assertThat(text(mapped, "name")).isEqualTo("Ada Lovelace");
    }

    @Test
    void blankTextBecomesJsonNull() {
        Mapped mapped = crm.toCanonical(row("id", "C000001", "email", "   ", "phone", ""));

        assertThat(mapped.isValid()).isTrue();
        assertThat(mapped.fields().get("email")).isEqualTo(NullNode.getInstance());
        assertThat(mapped.fields().get("phone")).isEqualTo(NullNode.getInstance());
    }

    @Test
    void nullColumnBecomesJsonNullWhileAnAbsentColumnLeavesTheFieldOut() {
        Mapped mapped = crm.toCanonical(row("id", "C000001", "email", null));

        assertThat(mapped.fields().get("email")).isEqualTo(NullNode.getInstance());
        assertThat(mapped.fields()).doesNotContainKey("name");
    }

    @Test
    void unpairedSurrogateIsInvalidEncodingNamingTheColumn() {
        Mapped mapped = crm.toCanonical(row("id", "C000001", "full_name", "Ada \uD83D Lovelace"));

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

        assertThat(reasons(mapped)).containsExactly(ReasonCode.INVALID_ENCODING);
        assertThat(mapped.violations().get(0).message()).contains("column 'email'");
    }

    @Test
    void replacementCharacterLeftByAFailedDecodeIsInvalidEncoding() {
        Mapped mapped = billing.toCanonical(row("customer_ref", "C000001", "contact_email", "j\uFFFDrg@example.com"));

        assertThat(mapped.violations()).singleElement().satisfies(v -> {
            assertThat(v.reason()).isEqualTo(ReasonCode.INVALID_ENCODING);
            assertThat(v.path()).isEqualTo("$.email");
            assertThat(v.message()).contains("column 'contact_email'");
        });
    }

    @Test
    void properSurrogatePairIsValidText() {
        Mapped mapped = crm.toCanonical(row("id", "C000001", "full_name", "Ada \uD83D\uDE00"));

        assertThat(mapped.isValid()).isTrue();
        assertThat(text(mapped, "name")).isEqualTo("Ada \uD83D\uDE00");
    }

    @Test
    void enumSpellingsGoThroughTheValueMap() {
        assertThat(text(crm.toCanonical(row("id", "C000001", "status_code", "S")), "status")).isEqualTo("suspended");
        assertThat(text(billing.toCanonical(row("customer_ref", "C000001", "plan_code", "ENT")), "plan")).isEqualTo("enterprise");
    }

    @Test
    void enumSpellingsMatchIgnoringCase() {
        assertThat(text(billing.toCanonical(row("customer_ref", "C000001", "plan_code", "ent")), "plan")).isEqualTo("enterprise");
        assertThat(text(billing.toCanonical(row("customer_ref", "C000001", "plan_code", " Pro ")), "plan")).isEqualTo("pro");
        assertThat(text(crm.toCanonical(row("id", "C000001", "status_code", "c")), "status")).isEqualTo("closed");
    }

    @Test
    void unmappedEnumSpellingPassesThroughForValidationToJudge() {
        Mapped mapped = billing.toCanonical(row("customer_ref", "C000001", "plan_code", "GOLD"));

        assertThat(mapped.isValid()).isTrue();
        assertThat(text(mapped, "plan")).isEqualTo("GOLD");
    }

    @Test
    void unitFactorConvertsCentsToEuros() {
        Mapped mapped = billing.toCanonical(row("customer_ref", "C000001", "credit_limit_cents", 123456));

        assertThat(mapped.fields().get("credit_limit").decimalValue()).isEqualByComparingTo("1234.56");
    }

    @Test
    void unitFactorAppliesToNumbersGivenAsText() {
        Mapped mapped = billing.toCanonical(row("customer_ref", "C000001", "credit_limit_cents", " 500 "));

        assertThat(mapped.fields().get("credit_limit").decimalValue()).isEqualByComparingTo("5");
    }

    @Test
    void textThatIsNoNumberIsRejected() {
        Mapped mapped = billing.toCanonical(row("customer_ref", "C000001", "credit_limit_cents", "12,50"));

        assertThat(mapped.violations()).singleElement().satisfies(v -> {
            assertThat(v.reason()).isEqualTo(ReasonCode.NOT_A_NUMBER);
            assertThat(v.path()).isEqualTo("$.credit_limit");
            assertThat(v.message()).contains("'12,50'").contains("column 'credit_limit_cents'");
        });
    }

    @Test
    void datesAreReadFromTextAndJdbcValues() {
        assertThat(date("2024-03-01")).isEqualTo("2024-03-01");
        assertThat(date(" 2024-03-01 ")).isEqualTo("2024-03-01");
        assertThat(date(java.sql.Date.valueOf("2024-03-01"))).isEqualTo("2024-03-01");
        assertThat(date(LocalDate.of(2024, 3, 1))).isEqualTo("2024-03-01");
        assertThat(date(LocalDateTime.of(2024, 3, 1, 23, 30))).isEqualTo("2024-03-01");
    }

    @Test
    void dateThatIsNotIsoIsBadDate() {
        for (Object raw : new Object[] {"01.03.2024", "2024-02-30", "2024-03-01T10:00:00Z"}) {
            Mapped mapped = crm.toCanonical(row("id", "C000001", "signup_date", raw));

            assertThat(mapped.violations()).as("%s", raw).singleElement().satisfies(v -> {
                assertThat(v.reason()).isEqualTo(ReasonCode.BAD_DATE);
                assertThat(v.path()).isEqualTo("$.signup_date");
            });
        }
    }

    @Test
    void rowWithoutTheKeyColumnHasMissingKey() {
        Mapped mapped = crm.toCanonical(row("full_name", "Ada"));

        assertThat(mapped.key()).isNull();
        assertThat(mapped.violations()).singleElement().satisfies(v -> {
            assertThat(v.reason()).isEqualTo(ReasonCode.MISSING_KEY);
            assertThat(v.path()).isEqualTo("$.customer_id");
            assertThat(v.message()).contains("column 'id'");
        });
    }

    @Test
    void blankOrNullKeyIsMissingKey() {
        assertThat(reasons(crm.toCanonical(row("id", "   ")))).containsExactly(ReasonCode.MISSING_KEY);
        assertThat(reasons(crm.toCanonical(row("id", null)))).containsExactly(ReasonCode.MISSING_KEY);
    }

    @Test
    void keyWithBrokenEncodingIsReportedOnceAsInvalidEncoding() {
        Mapped mapped = crm.toCanonical(row("id", "C00000\uD800"));

        assertThat(mapped.key()).isNull();
        assertThat(reasons(mapped)).containsExactly(ReasonCode.INVALID_ENCODING);
    }

    @Test
    void columnNamesMatchIgnoringCase() {
        Mapped mapped = crm.toCanonical(row("ID", "C000001", "Full_Name", "Ada", "STATUS_CODE", "A"));

        assertThat(mapped.key()).isEqualTo("C000001");
        assertThat(text(mapped, "name")).isEqualTo("Ada");
        assertThat(text(mapped, "status")).isEqualTo("active");
    }

    @Test
    void columnsTheContractDoesNotMapAreIgnored() {
        Mapped mapped = billing.toCanonical(row("customer_ref", "C000001", "internal_note", "vip", "version", 7));

        assertThat(mapped.fields()).containsOnlyKeys("customer_id");
    }

    @Test
    void everyProblemOfARowIsReported() {
        Mapped mapped = billing.toCanonical(row("customer_ref", "C000001", "credit_limit_cents", "lots", "contact_email", "\uFFFD"));

        assertThat(reasons(mapped)).containsExactlyInAnyOrder(ReasonCode.NOT_A_NUMBER, ReasonCode.INVALID_ENCODING);
    }

    @Test
    void toLocalReversesEnumMapsAndFactors() {
        Map<String, Object> local = billing.toLocal("C000001", Map.of(
                "plan", TextNode.valueOf("enterprise"),
                "credit_limit", DecimalNode.valueOf(new BigDecimal("1234.56")),
                "payment_status", TextNode.valueOf("overdue")));

        assertThat(local).containsOnlyKeys("plan_code", "credit_limit_cents", "payment_status", "customer_ref");
        assertThat(local.get("plan_code")).isEqualTo("ENT");
        assertThat((BigDecimal) local.get("credit_limit_cents")).isEqualByComparingTo("123456");
        assertThat(local.get("payment_status")).isEqualTo("overdue");
    }

    @Test
    void toLocalSetsTheKeyColumnFromTheKeyAndLeavesOutFieldsTheSystemDoesNotMap() {
        Map<String, Object> local = billing.toLocal("C000042", Map.of(
                "customer_id", TextNode.valueOf("C999999"),
                "name", TextNode.valueOf("Ada"),
                "plan", TextNode.valueOf("pro")));

        assertThat(local).containsOnlyKeys("customer_ref", "plan_code");
        assertThat(local.get("customer_ref")).isEqualTo("C000042");
        assertThat(local.get("plan_code")).isEqualTo("PRO");
    }

    @Test
    void toLocalWritesNullForAClearedFieldAndKeepsUnmappedEnumValues() {
        Map<String, Object> local = crm.toLocal("C000001", Map.of("phone", NullNode.getInstance(), "status", TextNode.valueOf("archived")));

        assertThat(local).containsEntry("phone", null).containsEntry("status_code", "archived").containsEntry("id", "C000001");
    }

    @Test
    void toLocalGivesDatesAsLocalDate() {
        Map<String, Object> local = crm.toLocal("C000001", Map.of("signup_date", TextNode.valueOf("2024-03-01")));

        assertThat(local.get("signup_date")).isEqualTo(LocalDate.of(2024, 3, 1));
    }

    @Test
    void billingRowSurvivesTheRoundTrip() {
        Map<String, Object> local = row("customer_ref", "C000001", "contact_email", "ada@example.com", "plan_code", "PRO",
                "payment_status", "current", "credit_limit_cents", 250000);

        Mapped mapped = billing.toCanonical(local);
        Mapped again = billing.toCanonical(billing.toLocal(mapped.key(), mapped.fields()));

        assertThat(again.key()).isEqualTo(mapped.key());
        assertThat(again.fields().keySet()).isEqualTo(mapped.fields().keySet());
        assertThat(again.fields().get("credit_limit").decimalValue()).isEqualByComparingTo("2500");
        assertThat(text(again, "plan")).isEqualTo("pro");
    }

    @Test
    void describesTheMapping() {
        assertThat(billing.keyColumn()).isEqualTo("customer_ref");
        assertThat(billing.mappedFields()).containsExactlyInAnyOrder("customer_id", "email", "plan", "payment_status", "credit_limit");
        assertThat(crm.fieldsByColumn()).containsEntry("full_name", "name").containsEntry("status_code", "status");
    }

    private String date(Object raw) {
        Mapped mapped = crm.toCanonical(row("id", "C000001", "signup_date", raw));
        assertThat(mapped.violations()).as("%s", raw).isEmpty();
        return text(mapped, "signup_date");
    }

    static Map<String, Object> row(Object... columnsAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            row.put((String) columnsAndValues[i], columnsAndValues[i + 1]);
        }
        return new HashMap<>(row);
    }

    static String text(Mapped mapped, String field) {
        JsonNode value = mapped.fields().get(field);
        assertThat(value).as("field %s in %s", field, mapped).isNotNull();
        return value.asText();
    }

    static java.util.List<ReasonCode> reasons(Mapped mapped) {
        return mapped.violations().stream().map(Violation::reason).toList();
    }

    @Test
    void noBreakSpacesAreTrimmedToo() {
        RecordMapper crm = new RecordMapper(dev.accord.core.TestContracts.example(), "crm", "customer");

        assertThat(crm.toCanonical(java.util.Map.of("id", "C000001", "full_name", "\u00A0Ada\u202F")).fields().get("name").asText())
                .isEqualTo("Ada");
    }

    @Test
    void egressNeverWritesScientificNotation() {
        RecordMapper billing = new RecordMapper(dev.accord.core.TestContracts.example(), "billing", "customer");

        Object cents = billing.toLocal("C000001", java.util.Map.of("credit_limit",
                com.fasterxml.jackson.databind.node.DecimalNode.valueOf(new java.math.BigDecimal("1000")))).get("credit_limit_cents");

        assertThat(cents.toString()).isEqualTo("100000");
    }
}
