package dev.accord.workflows.sync;

import io.temporal.testing.WorkflowReplayer;
import org.junit.jupiter.api.Test;

/**
 * Replays recorded histories of {@link SyncWorkflowImpl}: a change to the workflow code that would make a
 * running workflow take a different path (non-determinism) fails here, before it reaches a worker.
 * The histories cover a one-shot run that was paused, held by the kill switch and resumed, and a
 * continuous run that waited on its poll timer and was rolled back.
 */
class SyncWorkflowReplayTest {

    @Test
    void replaysAPausedHeldAndResumedOneShotRun() throws Exception {
        WorkflowReplayer.replayWorkflowExecutionFromResource("histories/sync-one-shot.json", SyncWorkflowImpl.class);
    }

    @Test
    void replaysAContinuousRunThatWasRolledBack() throws Exception {
        WorkflowReplayer.replayWorkflowExecutionFromResource("histories/sync-continuous-rollback.json", SyncWorkflowImpl.class);
    }
}
