package dev.accord.workflows.sync;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Incremental sync of one flow (workflow id {@code sync/<flow>}, task queue {@code accord}): page by
 * page, extract → validate → resolve → apply to each target → checkpoint. One-shot runs finish when
 * caught up; continuous runs wait (a durable timer) for the poll interval and read again.
 */
@WorkflowInterface
public interface SyncWorkflow {

    @WorkflowMethod(name = "SyncWorkflow")
    SyncResult run(SyncInput input);

    /** Finish the current page, then wait until {@link #resume()}. */
    @SignalMethod
    void pause();

    @SignalMethod
    void resume();

    /** Finish the current page and stop; the checkpoint keeps what was done. */
    @SignalMethod
    void cancel();

    /** Stop after the current page and revert everything this run wrote to its targets. */
    @SignalMethod
    void rollback();

    /**
     * Read now instead of waiting out the poll interval (a freshness check found the flow behind its SLA).
     * A paused run stays paused: the operator's pause wins.
     */
    @SignalMethod
    void catchUp();

    @QueryMethod
    SyncProgress progress();
}
