package dev.accord.activities.store;

/** The Accord store failed; retryable unless the cause says otherwise (the activities rethrow it). */
public class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
