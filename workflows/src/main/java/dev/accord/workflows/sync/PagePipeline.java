package dev.accord.workflows.sync;

import dev.accord.core.page.AppliedPage;
import dev.accord.core.page.PageRef;
import dev.accord.core.page.ResolvedPage;
import dev.accord.core.page.SourceRecord;
import dev.accord.core.page.ValidatedPage;
import dev.accord.core.review.ReviewTerms;
import dev.accord.workflows.TaskQueues;
import dev.accord.workflows.WorkflowIds;
import dev.accord.workflows.activities.ApplyRequest;
import dev.accord.workflows.activities.PageRequest;
import dev.accord.workflows.activities.PageResult;
import dev.accord.workflows.activities.ResolveRequest;
import dev.accord.workflows.activities.ValidateRequest;
import dev.accord.workflows.review.ReviewInput;
import dev.accord.workflows.review.ReviewWorkflow;
import dev.accord.workflows.runs.RunAttributes;
import dev.accord.workflows.runs.RunLabels;
import dev.accord.workflows.runs.RunState;
import dev.accord.workflows.runs.Timers;
import dev.accord.workflows.runs.WorkflowStarts;
import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One page through the boundary, the hub and every target, from workflow code (deterministic): as one activity
 * ({@link #processWhole}, a sync's page since {@code sync-page-as-one-activity}; a backfill page runs the same engine
 * pipeline in its own activity), or step by step, validate → resolve → apply to each target and the repairs back
 * to the source, one activity each: how histories recorded before replay, and how a canary delivers its share
 * first.
 * In a dry run the hub plans the writes and reports them ({@code <target>:would-<operation>}); nothing is
 * delivered.
 * While the kill switch holds writes, waits on a durable timer and tries again.
 */
public final class PagePipeline {

    private static final Duration HOLD_RECHECK = Duration.ofSeconds(10);

    private final ActivityStubs activities;
    private final Tally tally;
    private final Consumer<RunState> state;

    public PagePipeline(ActivityStubs activities, Tally tally, Consumer<RunState> state) {
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

    /**
     * A page as one activity ({@code ProcessPage}): the records go through boundary, hub and targets in the worker,
     * and only counts, reviews to open, held deliveries and the records not applied as-is come back. Held
     * deliveries are retried here on a durable timer, as every delivery is.
     */
    public void processWhole(PageRef ref, List<SourceRecord> records, String source, List<String> targets, boolean dryRun) {
        PageResult result = activities.page("page " + ref.page() + (dryRun ? " (dry run)" : ""))
                .processPage(new PageRequest(ref, records, source, targets, dryRun));
        result.counts().forEach(tally::add);
        openReviews(ref.flow(), result.reviews(), result.reviewTerms());
        result.undelivered().forEach((system, keys) -> deliver(List.of(system), ref, keys, dryRun));
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
     * field that is already open reads the newer proposal from the store when it is decided. The review runs on
     * this workflow's task queue, and its id carries that queue's prefix (none on the default queue).
     */
    private void openReview(String reviewId, String flow, ReviewTerms terms) {
        ReviewInput input = terms == null ? ReviewInput.withDefaults(reviewId, flow)
                : new ReviewInput(reviewId, flow, terms.deadlineSeconds(), terms.defaultAction());
        ReviewWorkflow review = Workflow.newChildWorkflowStub(ReviewWorkflow.class, WorkflowStarts.child(
                TaskQueues.workflowId(Workflow.getInfo().getTaskQueue(), WorkflowIds.review(reviewId)), RunLabels.review(input),
                ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON, RunAttributes.currentRunLabelled()));
        Async.function(review::run, input);
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

    /** Delivers {@code keys} to each system (none when it is empty). */
    public void deliver(List<String> systems, PageRef ref, List<String> keys, boolean dryRun) {
        apply(systems, dryRun, system -> new ApplyRequest(ref, system, keys, dryRun));
    }

    /** Delivers to each system everything pending for it (a sync's start, after a canary passed). */
    public void drainPending(List<String> systems, PageRef ref, boolean dryRun) {
        apply(systems, dryRun, system -> ApplyRequest.drain(ref, system, dryRun));
    }

    private void apply(List<String> systems, boolean dryRun, Function<String, ApplyRequest> request) {
        for (String system : systems) {
            while (true) {
                AppliedPage applied = activities.applyTo(system, dryRun).apply(request.apply(system));
                if (!applied.held()) {
                    tally.target(applied);
                    break;
                }
                state.accept(RunState.HOLDING);
                Timers.sleep(HOLD_RECHECK, "writes to " + system + " held (kill switch or open circuit): trying again");
            }
        }
        state.accept(RunState.RUNNING);
    }
}
