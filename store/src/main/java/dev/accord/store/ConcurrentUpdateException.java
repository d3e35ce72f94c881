package dev.accord.store;

import dev.accord.core.failure.ClassifiedFailure;
import dev.accord.core.failure.FailureKind;
/**
 * A golden record changed between read and write (another flow resolved the same key at the same time).
 * Nothing was committed; the activity's retry reads the new state and decides again.
 */
public final class ConcurrentUpdateException extends StoreException implements ClassifiedFailure {
    @Override
    public FailureKind kind() {
        return FailureKind.AVAILABILITY;
    }

    @Override
    public String reasonCode() {
        return "CONCURRENT_UPDATE";
    }


    public ConcurrentUpdateException(String message) {
        super(message);
    }
}
