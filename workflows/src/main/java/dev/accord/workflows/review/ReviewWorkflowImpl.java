package dev.accord.workflows.review;

import dev.accord.core.page.PageRef;
import dev.accord.core.page.RunRef;
import dev.accord.core.review.ReviewDecision;
import dev.accord.core.review.ReviewOutcome;
import dev.accord.workflows.runs.RunAttributes;
import dev.accord.workflows.runs.RunState;
import dev.accord.workflows.runs.Timers;
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
    private RunState state = RunState.WAITING;
    private String reviewId;

    @Override
    public ReviewOutcome run(ReviewInput input) {
        this.reviewId = input.reviewId();
        RunAttributes attributes = RunAttributes.ofCurrentRun();
        attributes.state(state.label());
        boolean decided = Timers.await(Duration.ofSeconds(input.deadlineSeconds()), "waiting for a reviewer's decision", () -> decision != null);
        if (!decided) {
            state = RunState.ESCALATED;
            attributes.state(state.label());
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
        state = RunState.DECIDED;
        attributes.state(state.label());
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
        return state.label();
    }
}
