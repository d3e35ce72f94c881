package dev.accord.core.mapping;

import static dev.accord.core.mapping.RecordMapperTest.reasons;
import static dev.accord.core.mapping.RecordMapperTest.row;
import static dev.accord.core.mapping.RecordMapperTest.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.accord.core.contract.Contract;
import dev.accord.core.validation.ReasonCode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Integers, booleans and timestamps, on the example contract extended with {@code seats}, {@code vip} and
 * {@code last_contact_at} (see {@link ExtendedContract}). The CRM's zone is Europe/Berlin (UTC+1 in March).
 */
class RecordMapperTypesTest {

    @TempDir
    static java.nio.file.Path folder;

    private static RecordMapper crm;
    private static RecordMapper billing;

    @BeforeAll
    static void loadExtendedContract() {
        Contract contract = ExtendedContract.load(folder);
        crm = new RecordMapper(contract, "crm", "customer");
        billing = new RecordMapper(contract, "billing", "customer");
    }

    @Test
    void wholeNumbersAreIntegers() {
        assertThat(seats(12).longValue()).isEqualTo(12);
        assertThat(seats(12L).isIntegralNumber()).isTrue();
        assertThat(seats(" 12 ").longValue()).isEqualTo(12);
        assertThat(seats(new BigDecimal("12")).longValue()).isEqualTo(12);
    }

    @Test
    void fractionWithoutAFractionalPartIsAcceptedAsAnInteger() {
        assertThat(seats("12.0").longValue()).isEqualTo(12);
        assertThat(seats(12.0d).longValue()).isEqualTo(12);
    }

    @Test
    void fractionInAnIntegerFieldIsNotAnInteger() {
        for (Object raw : new Object[] {"2.5", 2.5d, new BigDecimal("0.1")}) {
            Mapped mapped = billing.toCanonical(row("customer_ref", "C000001", "seat_count", raw));

            assertThat(mapped.violations()).as("%s", raw).singleElement().satisfies(v -> {
                assertThat(v.reason()).isEqualTo(ReasonCode.NOT_AN_INTEGER);
                assertThat(v.path()).isEqualTo("$.seats");
            });
            assertThat(mapped.fields()).doesNotContainKey("seats");
        }
    }

    @Test
    void textInAnIntegerFieldIsNotANumber() {
        Mapped mapped = billing.toCanonical(row("customer_ref", "C000001", "seat_count", "twelve"));

        assertThat(reasons(mapped)).containsExactly(ReasonCode.NOT_A_NUMBER);
    }

    @Test
    void integerBeyondLongRangeIsNotAnInteger() {
        Mapped mapped = billing.toCanonical(row("customer_ref", "C000001", "seat_count", "99999999999999999999"));

        assertThat(reasons(mapped)).containsExactly(ReasonCode.NOT_AN_INTEGER);
    }

    @Test
    void booleansAreReadFromText() {
        for (Object yes : new Object[] {"true", " TRUE ", "t", "yes", "Y", "1", Boolean.TRUE, 1}) {
            assertThat(vip(yes)).as("%s", yes).isTrue();
        }
        for (Object no : new Object[] {"false", "F", "no", "n", "0", Boolean.FALSE, 0L}) {
            assertThat(vip(no)).as("%s", no).isFalse();
        }
    }

    @Test
    void otherTextIsNotABoolean() {
        for (Object raw : new Object[] {"maybe", "on", 2}) {
            Mapped mapped = crm.toCanonical(row("id", "C000001", "is_vip", raw));

            assertThat(mapped.violations()).as("%s", raw).singleElement().satisfies(v -> {
                assertThat(v.reason()).isEqualTo(ReasonCode.NOT_A_BOOLEAN);
                assertThat(v.path()).isEqualTo("$.vip");
            });
        }
    }

    @Test
    void localTimestampIsReadInTheSystemZone() {
        assertThat(crmTimestamp("2024-03-01T10:00:00")).isEqualTo("2024-03-01T09:00:00Z");
        assertThat(crmTimestamp(LocalDateTime.of(2024, 3, 1, 10, 0))).isEqualTo("2024-03-01T09:00:00Z");
        assertThat(crmTimestamp(java.sql.Timestamp.valueOf("2024-03-01 10:00:00"))).isEqualTo("2024-03-01T09:00:00Z");
        assertThat(crmTimestamp("2024-03-01 10:00:00")).isEqualTo("2024-03-01T09:00:00Z");
    }

    @Test
    void localTimestampFollowsSummerTime() {
        assertThat(crmTimestamp("2024-07-01T10:00:00")).isEqualTo("2024-07-01T08:00:00Z");
    }

    @Test
    void timestampWithAnOffsetIsConvertedToUtc() {
        assertThat(crmTimestamp("2024-03-01T10:00:00+05:30")).isEqualTo("2024-03-01T04:30:00Z");
        assertThat(crmTimestamp("2024-03-01T10:00:00Z")).isEqualTo("2024-03-01T10:00:00Z");
        assertThat(crmTimestamp(OffsetDateTime.parse("2024-03-01T10:00:00-05:00"))).isEqualTo("2024-03-01T15:00:00Z");
        assertThat(crmTimestamp(ZonedDateTime.of(2024, 3, 1, 10, 0, 0, 0, ZoneId.of("Asia/Tokyo")))).isEqualTo("2024-03-01T01:00:00Z");
        assertThat(crmTimestamp(Instant.parse("2024-03-01T10:00:00Z"))).isEqualTo("2024-03-01T10:00:00Z");
    }

    @Test
    void fieldZoneOverridesTheSystemZone() {
        Mapped mapped = billing.toCanonical(row("customer_ref", "C000001", "last_contact", "2024-03-01T10:00:00"));

        assertThat(text(mapped, "last_contact_at")).isEqualTo("2024-03-01T15:00:00Z");
    }

    @Test
    void unreadableTimestampIsBadTimestamp() {
        for (Object raw : new Object[] {"next tuesday", "2024-03-01", "01/03/2024 10:00", 1709283600000L}) {
            Mapped mapped = crm.toCanonical(row("id", "C000001", "last_contact_at", raw));

            assertThat(mapped.violations()).as("%s", raw).singleElement().satisfies(v -> {
                assertThat(v.reason()).isEqualTo(ReasonCode.BAD_TIMESTAMP);
                assertThat(v.path()).isEqualTo("$.last_contact_at");
                assertThat(v.message()).contains(String.valueOf(raw));
            });
        }
    }

    @Test
    void toLocalGivesTimestampsInTheLocalZone() {
        Map<String, Object> crmRow = crm.toLocal("C000001", Map.of("last_contact_at", TextNode.valueOf("2024-03-01T09:00:00Z")));
        Map<String, Object> billingRow = billing.toLocal("C000001", Map.of("last_contact_at", TextNode.valueOf("2024-03-01T15:00:00Z")));

        assertThat(crmRow.get("last_contact_at")).isEqualTo(OffsetDateTime.parse("2024-03-01T10:00:00+01:00"));
        assertThat(billingRow.get("last_contact")).isEqualTo(OffsetDateTime.parse("2024-03-01T10:00:00-05:00"));
    }

    @Test
    void toLocalGivesIntegersAndBooleansTheirJavaTypes() {
        Map<String, Object> billingRow = billing.toLocal("C000001", Map.of("seats", IntNode.valueOf(12)));
        Map<String, Object> crmRow = crm.toLocal("C000001", Map.of("vip", com.fasterxml.jackson.databind.node.BooleanNode.TRUE));

        assertThat(billingRow.get("seat_count")).isEqualTo(12L);
        assertThat(crmRow.get("is_vip")).isEqualTo(true);
    }

    private static JsonNode seats(Object raw) {
        Mapped mapped = billing.toCanonical(row("customer_ref", "C000001", "seat_count", raw));
        assertThat(mapped.violations()).as("%s", raw).isEmpty();
        return mapped.fields().get("seats");
    }

    private static boolean vip(Object raw) {
        Mapped mapped = crm.toCanonical(row("id", "C000001", "is_vip", raw));
        assertThat(mapped.violations()).as("%s", raw).isEmpty();
        return mapped.fields().get("vip").booleanValue();
    }

    private static String crmTimestamp(Object raw) {
        Mapped mapped = crm.toCanonical(row("id", "C000001", "last_contact_at", raw));
        assertThat(mapped.violations()).as("%s", raw).isEmpty();
        return text(mapped, "last_contact_at");
    }
}
