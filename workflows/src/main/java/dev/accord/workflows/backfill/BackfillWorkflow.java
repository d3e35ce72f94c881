package dev.accord.workflows.backfill;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * A full or key-range reload of one flow (workflow id {@code backfill/<flow>/<timestamp>}): the source is
 * split into chunks of about equal size, each reloaded by a child {@link BackfillChunkWorkflow}, with
 * bounded parallelism. Every key read is delivered to the targets, which are brought in line with the
 * golden records (rows that already match are left alone). Resumable: a finished chunk is never redone,
 * a half-done chunk continues after its last applied page. Reversible as a whole.
 */
@WorkflowInterface
public interface BackfillWorkflow {

    @WorkflowMethod(name = "BackfillWorkflow")
    BackfillResult run(BackfillInput input);

    /** Running chunks finish their current page and wait; no new chunk starts. */
    @SignalMethod
    void pause();

    @SignalMethod
    void resume();

    /** Stop: running chunks finish their current page; what was done stays. */
    @SignalMethod
    void cancel();

    /** Stop and revert everything the backfill wrote, newest first. */
    @SignalMethod
    void rollback();

    @QueryMethod
    BackfillProgress progress();
}
