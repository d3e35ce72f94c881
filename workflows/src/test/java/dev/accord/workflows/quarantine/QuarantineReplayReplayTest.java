package dev.accord.workflows.quarantine;

import io.temporal.testing.WorkflowReplayer;
import org.junit.jupiter.api.Test;

/** Replays a recorded quarantine replay, so non-deterministic changes to the workflow fail the build. */
class QuarantineReplayReplayTest {

    /** One page, the source held twice (two timers), a delivery held at billing and retried on a timer. */
    @Test
    void replaysAReplayThatWaitedForItsSourceAndATarget() throws Exception {
        WorkflowReplayer.replayWorkflowExecutionFromResource("histories/quarantine-replay-held.json",
                QuarantineReplayWorkflowImpl.class);
    }
}
