package dev.accord.workflows.review;

import dev.accord.core.review.ReviewOutcome;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Waits for a human decision on one parked field change (workflow id {@code review/<domain>/<key>/<field>}):
 * approve, reject or edit, by signal. When the deadline passes it escalates and applies the default. The
 * decision is applied in the hub and delivered to the systems that need it; the syncs never wait for it.
 */
@WorkflowInterface
public interface ReviewWorkflow {

    @WorkflowMethod(name = "ReviewWorkflow")
    ReviewOutcome run(ReviewInput input);

    @SignalMethod
    void approve(String by, String note);

    @SignalMethod
    void reject(String by, String note);

    /** @param value the canonical value to apply instead, as JSON text */
    @SignalMethod
    void edit(String by, String value, String note);

    /** waiting, escalated, decided */
    @QueryMethod
    String state();
}
