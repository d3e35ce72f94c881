package dev.accord.workflows.review;

import io.temporal.testing.WorkflowReplayer;
import org.junit.jupiter.api.Test;

/** Replays recorded review histories (approved by a human; escalated at the deadline) to catch non-determinism. */
class ReviewReplayTest {

    @Test
    void replaysAnApprovedReview() throws Exception {
        WorkflowReplayer.replayWorkflowExecutionFromResource("histories/review-approved.json", ReviewWorkflowImpl.class);
    }

    @Test
    void replaysAReviewEscalatedAtItsDeadline() throws Exception {
        WorkflowReplayer.replayWorkflowExecutionFromResource("histories/review-escalated.json", ReviewWorkflowImpl.class);
    }
}
