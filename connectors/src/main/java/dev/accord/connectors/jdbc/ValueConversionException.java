package dev.accord.connectors.jdbc;

/**
 * A value cannot be stored in (or a cursor position cannot be read back as) the column's type, such as
 * the key {@code C-17} for a {@code bigint} key column. Retrying cannot help; the data or mapping must change.
 */
public final class ValueConversionException extends IllegalArgumentException {

    public ValueConversionException(String message, Throwable cause) {
        super(message, cause);
    }
}
