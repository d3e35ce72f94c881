package dev.accord.workflows.sync;

import dev.accord.workflows.activities.CheckpointRequest;
import dev.accord.workflows.activities.Cursor;
import dev.accord.workflows.activities.ExtractRequest;
import dev.accord.workflows.activities.ExtractedPage;
import dev.accord.workflows.activities.FinishRunRequest;
import dev.accord.workflows.activities.FlowPlan;
import dev.accord.workflows.activities.PageRef;
import dev.accord.workflows.activities.ResolvedPage;
import dev.accord.workflows.activities.VerifyRequest;
import dev.accord.workflows.activities.VerifyResult;
import dev.accord.workflows.activities.RollbackRequest;
import dev.accord.workflows.activities.RollbackResult;
import dev.accord.workflows.activities.RunRef;
import dev.accord.workflows.activities.StartRunRequest;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInfo;
import java.time.Duration;
import java.util.List;

/**
 * The sync loop. Deterministic: no I/O, clocks or randomness here; every step that touches data is an
 * activity. Pause, cancel and rollback take effect between pages, so a page is never half-applied.
 */
public class SyncWorkflowImpl implements SyncWorkflow {

    /** Executions are renewed (continue-as-new) after this many pages, or earlier when history grows. */
    static final int PAGES_PER_EXECUTION = 100;
    /** While the source is unavailable (open circuit breaker, throttling), read again after this long. */
    static final Duration SOURCE_HOLD_RECHECK = Duration.ofSeconds(10);

    private final ActivityStubs activities = new ActivityStubs();
    private SyncInput input;
    private Tally tally;
    private PagePipeline pipeline;
    private String state = "starting";
    private String stateBeforePause = "running";
    private boolean paused;
    private boolean cancelRequested;
    private boolean rollbackRequested;
    private boolean catchUpRequested;
    private boolean canaryPassed;
    private boolean canaryFailed;
    private long pages;
    private Cursor cursor = Cursor.BEGINNING;
    private Cursor head = Cursor.BEGINNING;

    @Override
    public SyncResult run(SyncInput input) {
        this.input = input;
        SyncInput.Carried carried = input.carried();
        this.tally = new Tally(carried == null ? null : carried.counts());
        this.pipeline = new PagePipeline(activities, tally, newState -> state = newState);
        this.pages = carried == null ? 0 : carried.pages();
        this.paused = paused || (carried != null && carried.paused());
        this.canaryPassed = carried != null && carried.canaryPassed();
        WorkflowInfo info = Workflow.getInfo();
        RunRef run = new RunRef(info.getWorkflowId(), info.getFirstExecutionRunId(), info.getRunId());
        FlowPlan plan = activities.runs.startRun(new StartRunRequest(input.flow(), run, input.mode(), input.batchSize(), input.dryRunRequested()));
        if (carried != null && carried.cursor() != null) {
            cursor = carried.cursor();
        } else {
            cursor = input.replayCursor() != null ? input.replayCursor() : plan.checkpoint();
        }
        state = "running";
        try {
            if (carried == null && input.canary() == null) {
                pipeline.deliver(plan.targets(), new PageRef(input.flow(), run, 0), List.of(), input.dryRunRequested());
            }
            loop(plan, run);
            return finish(run);
        } catch (ActivityFailure failure) {
            state = "failed";
            activities.runs.finishRun(new FinishRunRequest(input.flow(), run, state, pages, tally.snapshot()));
            throw failure;
        }
    }

    private void loop(FlowPlan plan, RunRef run) {
        long pagesThisExecution = 0;
        while (true) {
            Workflow.await(() -> !paused || stopRequested());
            if (stopRequested()) {
                return;
            }
            state = "running";
            ExtractedPage page = activities.extract.extract(new ExtractRequest(input.flow(), cursor, plan.batchSize()));
            if (page.held()) {
                state = "holding";
                Workflow.await(SOURCE_HOLD_RECHECK, this::stopRequested);
                continue;
            }
            head = page.head();
            if (page.hasNoRecords()) {
                if (!plan.continuous()) {
                    return;
                }
                state = "waiting";
                Workflow.await(Duration.ofMillis(plan.pollIntervalMillis()), () -> stopRequested() || catchUpRequested);
                catchUpRequested = false;
            } else {
                process(plan, run, page);
                pagesThisExecution++;
                if (input.maxPages() != null && pages >= input.maxPages()) {
                    return;
                }
            }
            if (shouldRenew(pagesThisExecution)) {
                Workflow.continueAsNew(new SyncInput(input.flow(), input.mode(), input.dryRun(), input.batchSize(),
                        input.maxPages(), new SyncInput.Carried(pages, tally.snapshot(), paused, cursor, canaryPassed), input.canary(), input.replayFrom()));
            }
        }
    }

    private void process(FlowPlan plan, RunRef run, ExtractedPage page) {
        PageRef ref = new PageRef(input.flow(), run, pages + 1);
        ResolvedPage resolved = pipeline.decide(ref, page.records(), input.dryRunRequested(), false);
        if (canaryPending()) {
            deliverThroughCanary(plan, ref, resolved);
        } else {
            pipeline.deliver(resolved, ref, plan.source(), plan.targets(), input.dryRunRequested());
        }
        if (canaryFailed) {
            return;
        }
        if (!input.dryRunRequested()) {
            activities.runs.checkpoint(new CheckpointRequest(ref, page.next(), page.head()));
        }
        cursor = page.next();
        pages = ref.page();
        state = "running";
    }

    private boolean canaryPending() {
        return input.canary() != null && !canaryPassed && !input.dryRunRequested();
    }

    /**
     * Delivers the page's canary keys only, reads them back from every target, then either delivers
     * everything held back (canary passed) or stops the run and reverts it (canary failed).
     */
    private void deliverThroughCanary(FlowPlan plan, PageRef ref, ResolvedPage resolved) {
        List<String> canaryKeys = resolved.deliveries().stream().filter(input.canary()::includes).toList();
        if (canaryKeys.isEmpty()) {
            return;
        }
        pipeline.deliver(plan.targets(), ref, canaryKeys, false);
        VerifyResult verified = activities.verify.verify(new VerifyRequest(input.flow(), plan.targets(), canaryKeys));
        tally.add("canary:checked", verified.checked());
        if (verified.passed()) {
            canaryPassed = true;
            pipeline.deliver(plan.targets(), ref, List.of(), false);
            pipeline.deliver(resolved, ref, plan.source(), List.of(), false);
        } else {
            tally.add("canary:mismatches", verified.mismatches().size());
            canaryFailed = true;
            rollbackRequested = true;
        }
    }

    private boolean shouldRenew(long pagesThisExecution) {
        WorkflowInfo info = Workflow.getInfo();
        return pagesThisExecution >= PAGES_PER_EXECUTION || info.isContinueAsNewSuggested() || info.getHistoryLength() > 10_000;
    }

    private SyncResult finish(RunRef run) {
        if (rollbackRequested) {
            state = "rolling-back";
            RollbackResult result = activities.rollback.revertRun(new RollbackRequest(input.flow(), run.runId()));
            tally.add("rollback:reverted", result.reverted());
            tally.add("rollback:conflicts", result.conflicts().size());
            state = canaryFailed ? "canary-failed" : "rolled-back";
        } else {
            state = cancelRequested ? "cancelled" : "finished";
        }
        activities.runs.finishRun(new FinishRunRequest(input.flow(), run, state, pages, tally.snapshot()));
        return new SyncResult(input.flow(), run.runId(), state, pages, tally.snapshot(), cursor.toString());
    }

    private boolean stopRequested() {
        return cancelRequested || rollbackRequested;
    }

    @Override
    public void pause() {
        paused = true;
        if ("running".equals(state) || "waiting".equals(state)) {
            stateBeforePause = state;
            state = "paused";
        }
    }

    @Override
    public void resume() {
        paused = false;
        if ("paused".equals(state)) {
            state = stateBeforePause;
        }
    }

    @Override
    public void cancel() {
        cancelRequested = true;
        state = "cancelling";
    }

    @Override
    public void rollback() {
        rollbackRequested = true;
        state = "rolling-back";
    }

    @Override
    public void catchUp() {
        catchUpRequested = true;
    }

    @Override
    public SyncProgress progress() {
        String flow = input == null ? null : input.flow();
        return new SyncProgress(flow, paused && !stopRequested() ? "paused" : state, pages,
                tally == null ? java.util.Map.of() : tally.snapshot(), cursor.toString(), head.toString(),
                input != null && input.dryRunRequested());
    }
}
