package dev.accord.activities.store;

/**
 * A golden record changed between read and write (another flow resolved the same key at the same time).
 * Nothing was committed; the activity's retry reads the new state and decides again.
 */
public final class ConcurrentUpdateException extends StoreException {

    public ConcurrentUpdateException(String message) {
        super(message);
    }
}
