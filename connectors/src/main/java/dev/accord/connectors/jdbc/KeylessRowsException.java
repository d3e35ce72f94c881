package dev.accord.connectors.jdbc;

import dev.accord.core.failure.ClassifiedFailure;
import dev.accord.core.failure.FailureKind;

/**
 * More rows without a key share one cursor value than a page holds. Such rows have nothing that orders them
 * within that value, so a page takes all of them or none, and no page can take these: reading again gives the
 * same answer. A configuration failure, so the run stops with this message instead of reading the same position
 * forever; the message names the table, the key and cursor columns and the cursor value, never a row's values.
 */
public final class KeylessRowsException extends IllegalStateException implements ClassifiedFailure {

    public KeylessRowsException(String message) {
        super(message);
    }

    @Override
    public FailureKind kind() {
        return FailureKind.CONFIGURATION;
    }

    @Override
    public String reasonCode() {
        return "KEYLESS_ROWS_EXCEED_PAGE";
    }
}
