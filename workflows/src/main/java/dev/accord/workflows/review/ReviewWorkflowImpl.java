package dev.accord.workflows.review;

import dev.accord.workflows.activities.PageRef;
import dev.accord.workflows.activities.ReviewDecision;
import dev.accord.workflows.activities.ReviewOutcome;
import dev.accord.workflows.activities.RunRef;
import dev.accord.workflows.sync.ActivityStubs;
import dev.accord.workflows.sync.PagePipeline;
import dev.accord.workflows.sync.Tally;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInfo;
import java.time.Duration;
import java.util.List;

/** Waits (a durable timer) for a decision or the deadline, applies it, then delivers the record. */
public class ReviewWorkflowImpl implements ReviewWorkflow {

    private final ActivityStubs activities = new ActivityStubs();
    private ReviewDecision decision;
    private String state = "waiting";
    private String reviewId;

    @Override
    public ReviewOutcome run(ReviewInput input) {
        this.reviewId = input.reviewId();
        boolean decided = Workflow.await(Duration.ofSeconds(input.deadlineSeconds()), () -> decision != null);
        if (!decided) {
            state = "escalated";
            activities.review.escalate(input.reviewId());
            decision = new ReviewDecision(input.reviewId(), input.defaultAction(), null, "deadline",
                    "nobody decided within " + Duration.ofSeconds(input.deadlineSeconds()) + "; applied the default");
        }
        ReviewOutcome outcome = activities.review.decide(decision);
        if (!outcome.deliverTo().isEmpty()) {
            WorkflowInfo info = Workflow.getInfo();
            PageRef ref = new PageRef(input.flow(), new RunRef(info.getWorkflowId(), info.getFirstExecutionRunId(), info.getRunId()), 1);
            new PagePipeline(activities, new Tally(null), newState -> { }).deliver(outcome.deliverTo(), ref, List.of(outcome.key()), false);
        }
        state = "decided";
        return outcome;
    }

    @Override
    public void approve(String by, String note) {
        decide("approve", null, by, note);
    }

    @Override
    public void reject(String by, String note) {
        decide("reject", null, by, note);
    }

    @Override
    public void edit(String by, String value, String note) {
        decide("edit", value, by, note);
    }

    private void decide(String action, String value, String by, String note) {
        if (decision == null) {
            decision = new ReviewDecision(reviewId, action, value, by, note);
        }
    }

    @Override
    public String state() {
        return state;
    }
}
