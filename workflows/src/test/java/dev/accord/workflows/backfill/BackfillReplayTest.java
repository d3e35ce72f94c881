package dev.accord.workflows.backfill;

import dev.accord.workflows.rollback.RollbackWorkflowImpl;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.WorkflowReplayer;
import org.junit.jupiter.api.Test;

/** Replays recorded histories of the backfill, its chunks and a rollback, so non-deterministic changes fail the build. */
class BackfillReplayTest {

    /** The backfill names its chunks after its own workflow id, so the replay must know that id. */
    @Test
    void replaysAPausedAndResumedBackfill() throws Exception {
        String json = new String(getClass().getResourceAsStream("/histories/backfill.json").readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        WorkflowReplayer.replayWorkflowExecution(WorkflowExecutionHistory.fromJson(json, "backfill/crm-customers/x"),
                BackfillWorkflowImpl.class);
    }

    @Test
    void replaysABackfillChunk() throws Exception {
        WorkflowReplayer.replayWorkflowExecutionFromResource("histories/backfill-chunk.json", BackfillChunkWorkflowImpl.class);
    }

    /** A chunk whose pages each ran as one activity, with a review opened and a held delivery retried on a timer. */
    @Test
    void replaysABackfillChunkOfWholePages() throws Exception {
        WorkflowReplayer.replayWorkflowExecutionFromResource("histories/backfill-chunk-whole-pages.json", BackfillChunkWorkflowImpl.class);
    }

    /** Started with Accord's search attributes: the version marker, contract and state upserts, chunks started with them. */
    @Test
    void replaysALabelledBackfillThatUpsertsItsContractAndState() throws Exception {
        String json = new String(getClass().getResourceAsStream("/histories/backfill-labelled.json").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        WorkflowReplayer.replayWorkflowExecution(WorkflowExecutionHistory.fromJson(json, "backfill/crm-customers/labelled"),
                BackfillWorkflowImpl.class);
    }

    /** A labelled chunk: state upserts, and each RunPage activity with its summary ({@code page 1 of chunk 1}). */
    @Test
    void replaysALabelledChunkWithPageSummaries() throws Exception {
        WorkflowReplayer.replayWorkflowExecutionFromResource("histories/backfill-chunk-labelled.json", BackfillChunkWorkflowImpl.class);
    }

    @Test
    void replaysARollbackOfSeveralRuns() throws Exception {
        WorkflowReplayer.replayWorkflowExecutionFromResource("histories/rollback.json", RollbackWorkflowImpl.class);
    }
}
