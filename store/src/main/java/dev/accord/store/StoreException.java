package dev.accord.store;

import dev.accord.connectors.FailureClassifier;
import dev.accord.core.failure.ClassifiedFailure;
import dev.accord.core.failure.FailureKind;

/**
 * The Accord store failed; retryable unless the cause says otherwise (the activities rethrow it). Its kind is its
 * cause's: a lost connection is an availability failure, a value the store cannot hold a data failure.
 */
public class StoreException extends RuntimeException implements ClassifiedFailure {

    private final FailureKind kind;

    public StoreException(String message, Throwable cause) {
        this(message, cause, FailureClassifier.kind(cause));
    }

    /** @param kind the kind of the original failure, when {@code cause} is a redacted copy of it */
    public StoreException(String message, Throwable cause, FailureKind kind) {
        super(message, cause);
        this.kind = kind;
    }

    public StoreException(String message) {
        super(message);
        this.kind = FailureKind.UNEXPLAINED;
    }

    @Override
    public FailureKind kind() {
        return kind;
    }

    @Override
    public String reasonCode() {
        return "STORE_" + kind();
    }
}
