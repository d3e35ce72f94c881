package dev.accord.connectors.jdbc;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * A value of a column whose type changed under a running flow, read as the type the column had when the connector
 * first read it: the value the old type would have given for the same data, so the hub sees no change where there
 * is none ({@code '42'} in a column that was {@code integer} is {@code 42}, {@code '12.5'} in one that was
 * {@code numeric(12,2)} is {@code 12.50}). A value the old type cannot hold ({@code 'abc'}, {@code 12.5} for an
 * integer, {@code 12.555} for two decimal places) throws an {@link IllegalArgumentException}, an
 * {@link ArithmeticException} or a {@link java.time.DateTimeException}, which the caller turns into an unreadable
 * value of that row.
 */
final class DriftedValues {

    /** ISO-8601 local date-time with {@code T} or a space, and an optional offset ({@code +01:00}, {@code +01}, {@code Z}). */
    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE).optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd().append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendPattern("[XXX][X]").optionalEnd().toFormatter(Locale.ROOT);

    private DriftedValues() {}

    /** @param value a portable value of the column's new type, not null */
    static Object as(Object value, Column was) {
        return switch (was.kind()) {
            case TEXT, OTHER -> JdbcValues.text(value);
            case INTEGER -> decimal(value).longValueExact();
            case DECIMAL -> was.scale() > 0 ? decimal(value).setScale(was.scale(), RoundingMode.UNNECESSARY) : decimal(value);
            case FLOAT -> decimal(value);
            case BOOLEAN -> bool(value);
            case DATE -> date(value).toString();
            case TIMESTAMP -> local(value, was).toString();
            case TIMESTAMP_WITH_ZONE -> offset(value, was).toString();
        };
    }

    private static BigDecimal decimal(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Long number) {
            return BigDecimal.valueOf(number);
        }
        if (value instanceof Boolean) {
            throw new IllegalArgumentException("a boolean is no number");
        }
        return new BigDecimal(value.toString().trim());
    }

    private static Boolean bool(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        return switch (JdbcValues.text(value).trim().toLowerCase(Locale.ROOT)) {
            case "true", "t", "1" -> true;
            case "false", "f", "0" -> false;
            default -> throw new IllegalArgumentException("not a boolean");
        };
    }

    private static LocalDate date(Object value) {
        String text = value.toString().trim();
        if (text.length() == 10) {
            return LocalDate.parse(text);
        }
        LocalDateTime time = LocalDateTime.from(DATE_TIME.parse(text));
        if (!time.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            throw new IllegalArgumentException("a time of day is no date");
        }
        return time.toLocalDate();
    }

    private static LocalDateTime local(Object value, Column was) {
        String text = value.toString().trim();
        if (text.length() == 10) {
            return LocalDate.parse(text).atStartOfDay();
        }
        TemporalAccessor parsed = DATE_TIME.parse(text);
        return parsed.isSupported(ChronoField.OFFSET_SECONDS)
                ? OffsetDateTime.from(parsed).atZoneSameInstant(was.zone()).toLocalDateTime() : LocalDateTime.from(parsed);
    }

    private static OffsetDateTime offset(Object value, Column was) {
        String text = value.toString().trim();
        if (text.length() == 10) {
            return LocalDate.parse(text).atStartOfDay(was.zone()).toOffsetDateTime();
        }
        TemporalAccessor parsed = DATE_TIME.parse(text);
        return parsed.isSupported(ChronoField.OFFSET_SECONDS)
                ? OffsetDateTime.from(parsed) : LocalDateTime.from(parsed).atZone(was.zone()).toOffsetDateTime();
    }
}
