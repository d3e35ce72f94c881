package dev.accord.connectors.jdbc;

import dev.accord.connectors.WriteResult.Rejection;
import dev.accord.core.validation.ReasonCode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.Temporal;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a value fits a target column as the database describes it: a number within the type's range and
 * (for decimals) its precision, without a fraction where the column keeps none; text no longer than the column
 * and without a character the database refuses; a date the type can hold; no NULL in a {@code NOT NULL} column.
 * What would overflow, be cut, be rounded or be refused is a {@link Rejection} naming the column and the rule —
 * never the value. Nothing is rounded or truncated here: rounding happens in the mapping, where the contract asks
 * for it ({@code round:}).
 */
final class ColumnFit {

    private static final BigInteger UNSIGNED_BIGINT_MAX = BigInteger.TWO.pow(64).subtract(BigInteger.ONE);

    private ColumnFit() {}

    static Optional<Rejection> check(Object value, Column column, SqlDialect dialect) {
        if (value == null) {
            return column.nullable() ? Optional.empty()
                    : reject(ReasonCode.TARGET_REJECTED, column, "column " + column.name() + " is NOT NULL");
        }
        Object converted;
        try {
            converted = ValueBinder.convert(value, column);
        } catch (ValueConversionException e) {
            return Optional.of(new Rejection(e.reason(), column.name(), e.getMessage()));
        }
        return switch (column.kind()) {
            case INTEGER -> integer(converted, column);
            case DECIMAL -> decimal(converted, column);
            case TEXT -> text(converted.toString(), column, dialect);
            case DATE, TIMESTAMP, TIMESTAMP_WITH_ZONE -> time(converted, column, dialect);
            default -> Optional.empty();
        };
    }

    private static Optional<Rejection> integer(Object value, Column column) {
        BigDecimal number = value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
        if (number.stripTrailingZeros().scale() > 0) {
            return reject(ReasonCode.PRECISION_LOSS, column, column.describe() + " keeps whole numbers only; the value has a"
                    + " fraction that would be rounded (ask for rounding with 'round:' on the field's mapping)");
        }
        BigInteger whole = number.toBigIntegerExact();
        BigInteger[] range = range(column);
        if (whole.compareTo(range[0]) < 0 || whole.compareTo(range[1]) > 0) {
            return reject(ReasonCode.VALUE_OUT_OF_RANGE, column, column.describe() + " holds " + range[0] + " to " + range[1]);
        }
        return Optional.empty();
    }

    /** The smallest and largest whole number the column's integer type holds. */
    static BigInteger[] range(Column column) {
        String type = column.typeName().toLowerCase(Locale.ROOT);
        int bits = switch (column.sqlType()) {
            case Types.TINYINT -> 8;
            case Types.SMALLINT -> 16;
            case Types.INTEGER -> type.startsWith("mediumint") ? 24 : 32;
            default -> 64;
        };
        if (!column.signed()) {
            return new BigInteger[] {BigInteger.ZERO, bits == 64 ? UNSIGNED_BIGINT_MAX : BigInteger.TWO.pow(bits).subtract(BigInteger.ONE)};
        }
        BigInteger half = BigInteger.TWO.pow(bits - 1);
        return new BigInteger[] {half.negate(), half.subtract(BigInteger.ONE)};
    }

    private static Optional<Rejection> decimal(Object value, Column column) {
        if (column.precision() <= 0 || !(value instanceof BigDecimal || value instanceof Long)) {
            return Optional.empty();
        }
        BigDecimal number = (value instanceof BigDecimal d ? d : BigDecimal.valueOf((Long) value)).stripTrailingZeros();
        if (number.scale() > column.scale()) {
            return reject(ReasonCode.PRECISION_LOSS, column, column.describe() + " keeps " + column.scale()
                    + " decimal places; the value has " + number.scale() + " and would be rounded"
                    + " (ask for rounding with 'round:' on the field's mapping)");
        }
        int wholeDigits = number.precision() - number.scale();
        if (wholeDigits > column.precision() - column.scale()) {
            return reject(ReasonCode.VALUE_OUT_OF_RANGE, column, column.describe() + " holds at most "
                    + (column.precision() - column.scale()) + " digits before the decimal point; the value has " + wholeDigits);
        }
        return Optional.empty();
    }

    private static Optional<Rejection> text(String text, Column column, SqlDialect dialect) {
        int refused = dialect.refusedCharacterAt(text, column);
        if (refused >= 0) {
            return reject(ReasonCode.UNSUPPORTED_CHARACTER, column, column.describe() + " cannot store the character "
                    + String.format("U+%04X", text.codePointAt(refused)) + " (character " + (text.codePointCount(0, refused) + 1) + ")");
        }
        if (column.precision() > 0 && column.precision() < Integer.MAX_VALUE) {
            int length = text.codePointCount(0, text.length());
            if (length > column.precision()) {
                return reject(ReasonCode.VALUE_TOO_LONG, column, column.describe() + " holds " + column.precision()
                        + " characters; the value has " + length + " and would be cut");
            }
        }
        return Optional.empty();
    }

    private static Optional<Rejection> time(Object value, Column column, SqlDialect dialect) {
        LocalDate date = value instanceof LocalDate d ? d : value instanceof LocalDateTime t ? t.toLocalDate()
                : value instanceof OffsetDateTime t ? t.toLocalDate() : null;
        if (date == null || !(value instanceof Temporal)) {
            return Optional.empty();
        }
        LocalDate[] range = dialect.dateRange(column);
        if (date.isBefore(range[0]) || date.isAfter(range[1])) {
            return reject(ReasonCode.VALUE_OUT_OF_RANGE, column, column.describe() + " holds dates from " + range[0] + " to " + range[1]);
        }
        return Optional.empty();
    }

    private static Optional<Rejection> reject(ReasonCode reason, Column column, String detail) {
        return Optional.of(new Rejection(reason, column.name(), detail));
    }
}
