package dev.accord.connectors.jdbc;

import dev.accord.core.failure.ClassifiedFailure;
import dev.accord.core.failure.FailureKind;
import dev.accord.core.validation.ReasonCode;

/**
 * A value cannot be stored in (or a cursor position cannot be read back as) the column's type, such as
 * the key {@code C-17} for a {@code bigint} key column. Retrying cannot help; the data or mapping must change.
 * A data failure: the record it belongs to goes to quarantine under {@link #reason()}. The message names the
 * column and its type, never the value.
 */
public final class ValueConversionException extends IllegalArgumentException implements ClassifiedFailure {

    private final ReasonCode reason;

    public ValueConversionException(String message, Throwable cause) {
        this(ReasonCode.VALUE_OUT_OF_RANGE, message, cause);
    }

    public ValueConversionException(ReasonCode reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public ReasonCode reason() {
        return reason;
    }

    @Override
    public FailureKind kind() {
        return FailureKind.DATA;
    }

    @Override
    public String reasonCode() {
        return reason.name();
    }
}
