package dev.accord.workflows.freshness;

import io.temporal.testing.WorkflowReplayer;
import org.junit.jupiter.api.Test;

/** Replays recorded freshness checks (a fresh flow; a breached one that started its catch-up) to catch non-determinism. */
class FreshnessReplayTest {

    @Test
    void replaysACheckOfAFreshFlow() throws Exception {
        WorkflowReplayer.replayWorkflowExecutionFromResource("histories/freshness-fresh.json", FreshnessWorkflowImpl.class);
    }

    @Test
    void replaysABreachedCheckThatStartedACatchUp() throws Exception {
        WorkflowReplayer.replayWorkflowExecutionFromResource("histories/freshness-breached.json", FreshnessWorkflowImpl.class);
    }
}
