package dev.accord.store;

import dev.accord.core.failure.ClassifiedFailure;
import dev.accord.core.failure.FailureKind;

/**
 * A store transaction of an activity attempt was refused because a newer attempt of the same activity has taken
 * over (the worker running this one stalled past its heartbeat timeout and Temporal retried it elsewhere): nothing
 * of the transaction was committed, and the attempt stops. Temporal no longer waits for this attempt, so what it
 * throws goes nowhere; should it ever reach a workflow it is retried (an availability failure), since a new attempt
 * takes a new lease.
 */
public final class SupersededAttemptException extends RuntimeException implements ClassifiedFailure {

    public SupersededAttemptException(Fence fence, Long current) {
        super("attempt " + fence.token() + " of " + fence.scope() + " on " + fence.holder() + " was superseded by attempt "
                + (current == null ? "(lease gone)" : current) + "; it commits nothing more");
    }

    @Override
    public FailureKind kind() {
        return FailureKind.AVAILABILITY;
    }

    @Override
    public String reasonCode() {
        return "SUPERSEDED_ATTEMPT";
    }
}
