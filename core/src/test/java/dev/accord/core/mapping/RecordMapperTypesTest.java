package dev.accord.core.mapping;

import static dev.accord.core.mapping.RecordMapperTest.row;
import static dev.accord.core.mapping.RecordMapperTest.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.accord.core.contract.Contract;
import dev.accord.core.validation.ReasonCode;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Timestamps, booleans and integers, through the example contract extended by {@link TypedContract}. */
class RecordMapperTypesTest {

    private static final Contract CONTRACT = TypedContract.load();

    private final RecordMapper crm = new RecordMapper(CONTRACT, "crm", "customer");
    private final RecordMapper billing = new RecordMapper(CONTRACT, "billing", "customer");
    private final RecordMapper support = new RecordMapper(CONTRACT, "support", "customer");

    @Test
    void crmLocalDateTimeIsReadInBerlinTimeAndStoredInUtc() {
        assertThat(lastContact(crm, LocalDateTime.of(2024, 3, 1, 10, 0))).isEqualTo("2024-03-01T09:00:00Z");
        assertThat(lastContact(crm, "2024-03-01T10:00:00")).isEqualTo("2024-03-01T09:00:00Z");
        assertThat(lastContact(crm, "2024-03-01 10:00:00")).isEqualTo("2024-03-01T09:00:00Z");
        assertThat(lastContact(crm, Timestamp.valueOf("2024-03-01 10:00:00"))).isEqualTo("2024-03-01T09:00:00Z");
    }

    @Test
    void berlinSummerTimeIsTwoHoursAhead() {
        assertThat(lastContact(crm, "2024-07-01T10:00:00")).isEqualTo("2024-07-01T08:00:00Z");
    }

    @Test
    void fractionsOfASecondAreKept() {
        assertThat(lastContact(crm, "2024-03-01T10:00:00.123")).isEqualTo("2024-03-01T09:00:00.123Z");
    }

    @Test
    void timestampsWithAnOffsetAreConvertedToUtcWhateverTheSystemZone() {
        assertThat(lastContact(crm, "2024-03-01T10:00:00+02:00")).isEqualTo("2024-03-01T08:00:00Z");
        assertThat(lastContact(crm, "2024-03-01 10:00:00+02")).isEqualTo("2024-03-01T08:00:00Z");
        assertThat(lastContact(crm, "2024-03-01T10:00:00Z")).isEqualTo("2024-03-01T10:00:00Z");
        assertThat(lastContact(crm, OffsetDateTime.parse("2024-03-01T10:00:00-05:00"))).isEqualTo("2024-03-01T15:00:00Z");
        assertThat(lastContact(crm, ZonedDateTime.of(2024, 3, 1, 10, 0, 0, 0, ZoneId.of("Asia/Tokyo")))).isEqualTo("2024-03-01T01:00:00Z");
        assertThat(lastContact(crm, Instant.parse("2024-03-01T10:00:00Z"))).isEqualTo("2024-03-01T10:00:00Z");
        assertThat(lastContact(crm, Date.from(Instant.parse("2024-03-01T10:00:00Z")))).isEqualTo("2024-03-01T10:00:00Z");
    }

    @Test
    void fieldTimezoneOverridesTheSystemTimezone() {
        assertThat(CONTRACT.system("billing").timezone()).isEqualTo(ZoneId.of("UTC"));

        Mapped mapped = billing.toCanonical(row("customer_ref", "C000001", "last_contact_local", "2024-03-01T10:00:00"));

        assertThat(text(mapped, "last_contact_at")).isEqualTo("2024-03-01T15:00:00Z");
    }

    @Test
    void garbageTimestampIsABadTimestamp() {
        for (Object bad : new Object[] {"yesterday", "2024-03-01", "2024-13-01T10:00:00", 1709283600L}) {
            Mapped mapped = crm.toCanonical(row("id", "C000001", "last_contact", bad));
            assertThat(mapped.violations()).as("%s", bad).singleElement().satisfies(v -> {
                assertThat(v.reason()).isEqualTo(ReasonCode.BAD_TIMESTAMP);
                assertThat(v.path()).isEqualTo("$.last_contact_at");
                assertThat(v.message()).contains("'" + bad + "'");
            });
        }
    }

    @Test
    void egressWritesTimestampsInTheLocalZone() {
        Map<String, JsonNode> canonical = Map.of("last_contact_at", TextNode.valueOf("2024-03-01T09:00:00Z"));

        assertThat(crm.toLocal("C000001", canonical).get("last_contact"))
                .isEqualTo(OffsetDateTime.parse("2024-03-01T10:00:00+01:00"));
        assertThat(billing.toLocal("C000001", canonical).get("last_contact_local"))
                .isEqualTo(OffsetDateTime.parse("2024-03-01T04:00:00-05:00"));
    }

    @Test
    void booleansFromText() {
        for (String yes : new String[] {"true", "TRUE", "t", "yes", " Y ", "1"}) {
            assertThat(vip(yes)).as(yes).isEqualTo(BooleanNode.TRUE);
        }
        for (String no : new String[] {"false", "F", "no", "n", "0"}) {
            assertThat(vip(no)).as(no).isEqualTo(BooleanNode.FALSE);
        }
        assertThat(vip(Boolean.TRUE)).isEqualTo(BooleanNode.TRUE);
        assertThat(vip(0)).isEqualTo(BooleanNode.FALSE);
    }

    @Test
    void somethingElseIsNotABoolean() {
        Mapped mapped = billing.toCanonical(row("customer_ref", "C000001", "is_vip", "maybe"));

        assertThat(mapped.violations()).singleElement().satisfies(v -> {
            assertThat(v.reason()).isEqualTo(ReasonCode.NOT_A_BOOLEAN);
            assertThat(v.path()).isEqualTo("$.vip");
        });
    }

    @Test
    void wholeNumbersAreIntegers() {
        assertThat(seats(billing, "seat_count", 12)).isEqualTo(LongNode.valueOf(12));
        assertThat(seats(billing, "seat_count", "12")).isEqualTo(LongNode.valueOf(12));
        assertThat(seats(billing, "seat_count", "12.0")).isEqualTo(LongNode.valueOf(12));
        assertThat(seats(billing, "seat_count", new BigDecimal("1.2E1"))).isEqualTo(LongNode.valueOf(12));
    }

    @Test
    void fractionInAnIntegerFieldIsNotAnInteger() {
        for (Object fraction : new Object[] {"12.5", 12.5, new BigDecimal("0.1")}) {
            Mapped mapped = billing.toCanonical(row("customer_ref", "C000001", "seat_count", fraction));
            assertThat(mapped.violations()).as("%s", fraction).singleElement().satisfies(v -> {
                assertThat(v.reason()).isEqualTo(ReasonCode.NOT_AN_INTEGER);
                assertThat(v.path()).isEqualTo("$.seats");
            });
        }
    }

    @Test
    void textInAnIntegerFieldIsNotANumber() {
        Mapped mapped = billing.toCanonical(row("customer_ref", "C000001", "seat_count", "twelve"));

        assertThat(mapped.violations()).extracting(v -> v.reason()).containsExactly(ReasonCode.NOT_A_NUMBER);
    }

    @Test
    void integerThroughAFactorMustStayWhole() {
        assertThat(seats(support, "seats_x100", 1200)).isEqualTo(LongNode.valueOf(12));

        Mapped mapped = support.toCanonical(row("customer_id", "C000001", "seats_x100", 1250));

        assertThat(mapped.violations()).singleElement().satisfies(v -> {
            assertThat(v.reason()).isEqualTo(ReasonCode.NOT_AN_INTEGER);
            assertThat(v.message()).contains("'1250'").contains("after × 0.01");
        });
    }

    @Test
    void egressWritesBooleansAndIntegersAndReversesTheFactor() {
        Map<String, JsonNode> canonical = Map.of("vip", BooleanNode.TRUE, "seats", LongNode.valueOf(12));

        assertThat(billing.toLocal("C000001", canonical)).containsEntry("is_vip", true).containsEntry("seat_count", 12L);
        assertThat((BigDecimal) support.toLocal("C000001", canonical).get("seats_x100")).isEqualByComparingTo("1200");
    }

    private String lastContact(RecordMapper mapper, Object value) {
        Mapped mapped = mapper.toCanonical(row(mapper.keyColumn(), "C000001", "last_contact", value));
        assertThat(mapped.violations()).as("%s", value).isEmpty();
        return text(mapped, "last_contact_at");
    }

    private JsonNode vip(Object value) {
        Mapped mapped = billing.toCanonical(row("customer_ref", "C000001", "is_vip", value));
        assertThat(mapped.violations()).as("%s", value).isEmpty();
        return mapped.fields().get("vip");
    }

    private JsonNode seats(RecordMapper mapper, String column, Object value) {
        Mapped mapped = mapper.toCanonical(row(mapper.keyColumn(), "C000001", column, value));
        assertThat(mapped.violations()).as("%s", value).isEmpty();
        return mapped.fields().get("seats");
    }
}
