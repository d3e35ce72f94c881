package dev.accord.connectors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** How keys, cursor positions and written values become the column's own type. */
class ValueBinderTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void keysAndPositionsArriveAsTextAndAreParsedToTheColumnsType() {
        assertThat(ValueBinder.convert("42", column(ValueKind.INTEGER))).isEqualTo(42L);
        assertThat(ValueBinder.convert("12.50", column(ValueKind.DECIMAL))).isEqualTo(new BigDecimal("12.50"));
        assertThat(ValueBinder.convert("2024-03-01", column(ValueKind.DATE))).isEqualTo(LocalDate.parse("2024-03-01"));
        assertThat(ValueBinder.convert("2024-03-01T10:15:30.123456", column(ValueKind.TIMESTAMP)))
                .isEqualTo(LocalDateTime.parse("2024-03-01T10:15:30.123456"));
        assertThat(ValueBinder.convert("2024-03-01T09:30Z", column(ValueKind.TIMESTAMP_WITH_ZONE)))
                .isEqualTo(OffsetDateTime.parse("2024-03-01T09:30Z"));
        assertThat(ValueBinder.convert(42L, column(ValueKind.TEXT))).isEqualTo("42");
    }

    @Test
    void timesMoveBetweenOffsetsAndTheColumnsZone() {
        assertThat(ValueBinder.convert(OffsetDateTime.parse("2024-03-01T09:30Z"), column(ValueKind.TIMESTAMP)))
                .isEqualTo(LocalDateTime.parse("2024-03-01T10:30"));
        assertThat(ValueBinder.convert("2024-07-01T12:00-04:00", column(ValueKind.TIMESTAMP)))
                .isEqualTo(LocalDateTime.parse("2024-07-01T18:00"));
        assertThat(ValueBinder.convert(LocalDateTime.parse("2024-07-01T12:00"), column(ValueKind.TIMESTAMP_WITH_ZONE)))
                .isEqualTo(OffsetDateTime.parse("2024-07-01T12:00+02:00"));
        assertThat(ValueBinder.convert(Instant.parse("2024-07-01T10:00:00Z"), column(ValueKind.TIMESTAMP)))
                .isEqualTo(LocalDateTime.parse("2024-07-01T12:00"));
    }

    @Test
    void wholeDecimalsBecomeLongsForIntegerColumnsAndFractionsStayDecimal() {
        assertThat(ValueBinder.convert(new BigDecimal("1250.00"), column(ValueKind.INTEGER))).isEqualTo(1250L);
        assertThat(ValueBinder.convert(7, column(ValueKind.INTEGER))).isEqualTo(7L);
        assertThat(ValueBinder.convert(new BigDecimal("12.5"), column(ValueKind.INTEGER))).isEqualTo(new BigDecimal("12.5"));
    }

    @Test
    void aValueThatCannotBeTheColumnsTypeSaysWhichColumn() {
        assertThatThrownBy(() -> ValueBinder.convert("C-17", column(ValueKind.INTEGER)))
                .isInstanceOf(ValueConversionException.class).hasMessage("the value (String) cannot become column id (int8)");
        assertThatThrownBy(() -> ValueBinder.convert("yesterday", column(ValueKind.TIMESTAMP)))
                .isInstanceOf(ValueConversionException.class);
    }

    private static Column column(ValueKind kind) {
        return new Column("id", Types.OTHER, "int8", kind, BERLIN);
    }
}
