package dev.accord.workflows.backfill;

import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** One chunk of a backfill: reload the chunk's key range page by page, continuing after its saved progress. */
@WorkflowInterface
public interface BackfillChunkWorkflow {

    @WorkflowMethod(name = "BackfillChunkWorkflow")
    ChunkResult run(ChunkInput input);

    @SignalMethod
    void pause();

    @SignalMethod
    void resume();

    /** Finish the current page and stop. */
    @SignalMethod
    void stop();
}
