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

    /**
     * Started with Accord's search attributes, paused, held once by the kill switch: the version marker, the
     * contract and state upserts (paused, running, finished), and the summaries on Apply activities and the hold timer.
     */
    @Test
    void replaysALabelledRunThatUpsertsItsState() throws Exception {
        WorkflowReplayer.replayWorkflowExecutionFromResource("histories/sync-labelled.json", SyncWorkflowImpl.class);
    }

    /** Pages as one activity each ({@code ProcessPage}, version marker {@code sync-page-as-one-activity}), a held delivery retried. */
    @Test
    void replaysARunWhosePagesAreOneActivityEach() throws Exception {
        WorkflowReplayer.replayWorkflowExecutionFromResource("histories/sync-whole-pages.json", SyncWorkflowImpl.class);
    }

    @Test
    void replaysAContinuousRunThatWasRolledBack() throws Exception {
        WorkflowReplayer.replayWorkflowExecutionFromResource("histories/sync-continuous-rollback.json", SyncWorkflowImpl.class);
    }
}
