package dev.accord.workflows.sync;

import dev.accord.workflows.activities.AppliedPage;
import dev.accord.workflows.activities.ApplyRequest;
import dev.accord.workflows.activities.PageRef;
import dev.accord.workflows.activities.ResolveRequest;
import dev.accord.workflows.activities.ResolvedPage;
import dev.accord.workflows.activities.ReviewTerms;
import dev.accord.workflows.activities.SourceRecord;
import dev.accord.workflows.activities.ValidateRequest;
import dev.accord.workflows.activities.ValidatedPage;
import dev.accord.workflows.review.ReviewInput;
import dev.accord.workflows.review.ReviewWorkflow;
import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One page through the boundary, the hub and every target: validate → resolve → apply to each target
 * (and repairs back to the source). Shared by syncs and backfill chunks; workflow code, so deterministic.
 * In a dry run the hub plans the writes and reports them ({@code <target>:would-<operation>}); nothing is
 * delivered.
 * While the kill switch holds writes, waits on a durable timer and tries again.
 */
public final class PagePipeline {

    private static final Duration HOLD_RECHECK = Duration.ofSeconds(10);

    private final ActivityStubs activities;
    private final Tally tally;
    private final Consumer<String> state;

    public PagePipeline(ActivityStubs activities, Tally tally, Consumer<String> state) {
        this.activities = activities;
        this.tally = tally;
        this.state = state;
    }

    /** @param deliverAll deliver every key of the page (a backfill reconciles), not only changed ones */
    public void process(PageRef ref, List<SourceRecord> records, String source, List<String> targets, boolean dryRun,
                        boolean deliverAll) {
        ResolvedPage resolved = decide(ref, records, dryRun, deliverAll);
        deliver(resolved, ref, source, targets, dryRun);
    }

    /** Validate and resolve: the hub's decisions for the page, and what needs delivering. */
    public ResolvedPage decide(PageRef ref, List<SourceRecord> records, boolean dryRun, boolean deliverAll) {
        ValidatedPage validated = activities.validate.validate(new ValidateRequest(ref, records, dryRun));
        ResolvedPage resolved = activities.resolve.resolve(new ResolveRequest(ref, validated.changes(), dryRun, deliverAll));
        tally.decided(validated.quarantined(), resolved);
        if (resolved.parksReviews()) {
            openReviews(ref.flow(), resolved.reviews(), resolved.reviewTerms());
        }
        return resolved;
    }

    /** Opens a review workflow for each parked field change; {@code terms} may lack an id (the defaults apply). */
    public void openReviews(String flow, List<String> reviewIds, Map<String, ReviewTerms> terms) {
        reviewIds.forEach(id -> openReview(id, flow, terms == null ? null : terms.get(id)));
    }

    /**
     * Starts the review's own workflow and moves on: the sync never waits for a human. A review of the same
     * field that is already open reads the newer proposal from the store when it is decided.
     */
    private void openReview(String reviewId, String flow, ReviewTerms terms) {
        ReviewWorkflow review = Workflow.newChildWorkflowStub(ReviewWorkflow.class, ChildWorkflowOptions.newBuilder()
                .setWorkflowId("review/" + reviewId)
                .setParentClosePolicy(ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON)
                .build());
        Async.function(review::run, terms == null ? ReviewInput.withDefaults(reviewId, flow)
                : new ReviewInput(reviewId, flow, terms.deadlineSeconds(), terms.defaultAction()));
        try {
            Workflow.getWorkflowExecution(review).get();
            tally.add("reviews:opened", 1);
        } catch (ChildWorkflowFailure alreadyOpen) {
            tally.add("reviews:updated", 1);
        }
    }

    /** Deliver a decided page to the targets, and the repairs back to the source. */
    public void deliver(ResolvedPage resolved, PageRef ref, String source, List<String> targets, boolean dryRun) {
        if (!resolved.deliveries().isEmpty()) {
            deliver(targets, ref, resolved.deliveries(), dryRun);
        }
        if (resolved.needsRepairs()) {
            deliver(List.of(source), ref, resolved.repairs(), dryRun);
        }
    }

    /** Delivers to each system; empty {@code keys} drains everything pending for it. */
    public void deliver(List<String> systems, PageRef ref, List<String> keys, boolean dryRun) {
        for (String system : systems) {
            while (true) {
                AppliedPage applied = activities.apply.apply(new ApplyRequest(ref, system, keys, dryRun));
                if (!applied.held()) {
                    tally.target(applied);
                    break;
                }
                state.accept("holding");
                Workflow.sleep(HOLD_RECHECK);
            }
        }
        state.accept("running");
    }
}
