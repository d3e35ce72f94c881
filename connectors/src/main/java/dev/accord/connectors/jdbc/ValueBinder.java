package dev.accord.connectors.jdbc;

import dev.accord.core.validation.ReasonCode;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Binds a Java value as the column's own type, because databases do not all cast parameters (PostgreSQL
 * will not compare a varchar parameter with a bigint column). Keys and cursor positions arrive as text
 * and are parsed; an {@link OffsetDateTime} bound to a column without zone becomes the local time in the
 * column's zone; NULL is bound with the column's SQL type.
 */
final class ValueBinder {

    private ValueBinder() {}

    static void bind(PreparedStatement statement, int index, Object value, Column column) throws SQLException {
        Object converted = convert(value, column);
        if (converted == null) {
            statement.setNull(index, column.sqlType());
        } else {
            statement.setObject(index, converted);
        }
    }

    /** The value as the column's type; fails with a {@link ValueConversionException} when it cannot be one. */
    static Object convert(Object value, Column column) {
        if (value == null) {
            return null;
        }
        try {
            return switch (column.kind()) {
                case TEXT -> value instanceof String ? value : JdbcValues.text(value);
                case INTEGER -> integer(value);
                case DECIMAL, FLOAT -> value instanceof String text ? new BigDecimal(text.trim()) : value;
                case BOOLEAN -> value instanceof String text ? Boolean.valueOf(text.trim()) : value;
                case DATE -> value instanceof String text ? LocalDate.parse(text.trim()) : value;
                case TIMESTAMP -> local(value, column);
                case TIMESTAMP_WITH_ZONE -> offset(value, column);
                case OTHER -> value;
            };
        } catch (ArithmeticException e) {
            throw new ValueConversionException(ReasonCode.VALUE_OUT_OF_RANGE, "the value is beyond what " + column.describe()
                    + " holds", null);
        } catch (NumberFormatException | DateTimeException e) {
            throw new ValueConversionException(ReasonCode.TARGET_REJECTED, "the value (" + value.getClass().getSimpleName()
                    + ") cannot become " + column.describe(), null);
        }
    }

    private static Object integer(Object value) {
        if (value instanceof String text) {
            return Long.parseLong(text.trim());
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().scale() <= 0 ? (Object) decimal.longValueExact() : decimal;
        }
        return value instanceof Integer || value instanceof Short || value instanceof Byte ? ((Number) value).longValue() : value;
    }

    private static Object local(Object value, Column column) {
        if (value instanceof OffsetDateTime time) {
            return time.atZoneSameInstant(column.zone()).toLocalDateTime();
        }
        if (value instanceof Instant instant) {
            return LocalDateTime.ofInstant(instant, column.zone());
        }
        if (value instanceof String text) {
            return local(parse(text.trim()), column);
        }
        return value instanceof LocalDate date ? date.atStartOfDay() : value;
    }

    private static Object offset(Object value, Column column) {
        if (value instanceof LocalDateTime time) {
            return time.atZone(column.zone()).toOffsetDateTime();
        }
        if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof String text) {
            return offset(parse(text.trim()), column);
        }
        return value;
    }

    /** ISO-8601 with an offset ({@code 2024-03-01T09:30Z}) or without ({@code 2024-03-01T09:30}). */
    private static Object parse(String text) {
        boolean hasOffset = text.endsWith("Z") || text.lastIndexOf('+') > 10 || text.lastIndexOf('-') > 10;
        return hasOffset ? OffsetDateTime.parse(text) : LocalDateTime.parse(text);
    }
}
