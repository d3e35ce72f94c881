package dev.accord.connectors.jdbc;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

/**
 * Reads column values in the two forms the connectors hand out. Sources deliver portable values that
 * travel through workflow histories as JSON: text, Long, BigDecimal, Boolean, and ISO-8601 text for dates
 * and times (without an offset when the column has no zone). Targets deliver driver values, except that
 * dates and times always come as {@code java.time} types, never in the worker JVM's default zone.
 */
final class JdbcValues {

    private JdbcValues() {}

    static Object portable(ResultSet rows, int index, Column column) throws SQLException {
        Object value = switch (column.kind()) {
            case TEXT -> rows.getString(index);
            case INTEGER -> rows.getLong(index);
            case DECIMAL -> rows.getBigDecimal(index);
            case FLOAT -> decimal(rows.getObject(index));
            case BOOLEAN -> rows.getBoolean(index);
            case DATE, TIMESTAMP, TIMESTAMP_WITH_ZONE -> text(raw(rows, index, column));
            case OTHER -> other(rows.getObject(index));
        };
        return rows.wasNull() ? null : value;
    }

    static Object raw(ResultSet rows, int index, Column column) throws SQLException {
        return switch (column.kind()) {
            case TEXT -> rows.getString(index);
            case DATE -> rows.getObject(index, LocalDate.class);
            case TIMESTAMP -> rows.getObject(index, LocalDateTime.class);
            case TIMESTAMP_WITH_ZONE -> rows.getObject(index, OffsetDateTime.class);
            default -> rows.getObject(index);
        };
    }

    /** A portable value as cursor or key text: digits for numbers, ISO-8601 for times. */
    static String text(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
    }

    /** The instant a portable time value stands for (values without an offset are in the column's zone); null for other kinds. */
    static Instant instant(Object portable, Column column) {
        if (portable == null) {
            return null;
        }
        return switch (column.kind()) {
            case TIMESTAMP_WITH_ZONE -> OffsetDateTime.parse(portable.toString()).toInstant();
            case TIMESTAMP -> LocalDateTime.parse(portable.toString()).atZone(column.zone()).toInstant();
            case DATE -> LocalDate.parse(portable.toString()).atStartOfDay(column.zone()).toInstant();
            default -> null;
        };
    }

    private static Object decimal(Object number) {
        if (number instanceof Double d && (d.isNaN() || d.isInfinite()) || number instanceof Float f && (f.isNaN() || f.isInfinite())) {
            return number.toString();
        }
        return number == null ? null : new BigDecimal(number.toString());
    }

    private static Object other(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof BigDecimal) {
            return value;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        return value.toString();
    }
}
