package dev.accord.workflows.sync;

import dev.accord.core.page.Cursor;
import dev.accord.core.page.FlowPlan;
import dev.accord.core.page.PageRef;
import dev.accord.core.page.ResolvedPage;
import dev.accord.core.page.RunRef;
import dev.accord.core.quality.VerifyResult;
import dev.accord.core.rollback.RollbackResult;
import dev.accord.workflows.activities.CheckpointRequest;
import dev.accord.workflows.activities.ExtractRequest;
import dev.accord.workflows.activities.ExtractedPage;
import dev.accord.workflows.activities.FinishRunRequest;
import dev.accord.workflows.activities.RollbackRequest;
import dev.accord.workflows.activities.StartRunRequest;
import dev.accord.workflows.activities.VerifyRequest;
import dev.accord.workflows.runs.RunAttributes;
import dev.accord.workflows.runs.RunState;
import dev.accord.workflows.runs.Timers;
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
    /** Version marker: from version 1 a canary's share of keys is taken by a mixed hash ({@link CanaryOptions#includes(String, boolean)}). */
    static final String SPREAD_CANARY = "canary-share-by-mixed-hash";
    /**
     * Version marker: from version 1 a page is one activity ({@code ProcessPage}) instead of one per step; histories
     * recorded before replay step by step, and a canary's pages still go step by step (it delivers its share first).
     */
    static final String WHOLE_PAGES = "sync-page-as-one-activity";

    private final ActivityStubs activities = new ActivityStubs();
    private SyncInput input;
    private Tally tally;
    private PagePipeline pipeline;
    private RunAttributes attributes;
    private RunState state = RunState.STARTING;
    private RunState stateBeforePause = RunState.RUNNING;
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
        this.attributes = RunAttributes.ofCurrentRun();
        SyncInput.Carried carried = input.carried();
        this.tally = new Tally(carried == null ? null : carried.counts());
        this.pipeline = new PagePipeline(activities, tally, this::state);
        this.pages = carried == null ? 0 : carried.pages();
        this.paused = paused || (carried != null && carried.paused());
        this.canaryPassed = carried != null && carried.canaryPassed();
        WorkflowInfo info = Workflow.getInfo();
        RunRef run = new RunRef(info.getWorkflowId(), info.getFirstExecutionRunId(), info.getRunId());
        FlowPlan plan = activities.runs.startRun(new StartRunRequest(input.flow(), run, input.mode(), input.batchSize(), input.dryRunRequested()));
        attributes.contract(plan);
        if (carried != null && carried.cursor() != null) {
            cursor = carried.cursor();
        } else {
            cursor = input.replayCursor() != null ? input.replayCursor() : plan.checkpoint();
        }
        state(RunState.RUNNING);
        try {
            if (carried == null && input.canary() == null) {
                pipeline.drainPending(plan.targets(), new PageRef(input.flow(), run, 0), input.dryRunRequested());
            }
            loop(plan, run);
            return finish(run);
        } catch (ActivityFailure failure) {
            state(RunState.FAILED);
            activities.runs.finishRun(new FinishRunRequest(input.flow(), run, state.label(), pages, tally.snapshot()));
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
            state(RunState.RUNNING);
            ExtractedPage page = activities.extract.extract(new ExtractRequest(input.flow(), cursor, plan.batchSize()));
            if (page.held()) {
                state(RunState.HOLDING);
                Timers.await(SOURCE_HOLD_RECHECK, "waiting for source " + plan.source(), this::stopRequested);
                continue;
            }
            head = page.head();
            if (page.hasNoRecords()) {
                if (!plan.continuous()) {
                    return;
                }
                state(RunState.WAITING);
                Timers.await(Duration.ofMillis(plan.pollIntervalMillis()), "caught up: next poll of " + plan.source(),
                        () -> stopRequested() || catchUpRequested);
                catchUpRequested = false;
            } else {
                process(plan, run, page);
                pagesThisExecution++;
                if (input.maxPages() != null && pages >= input.maxPages()) {
                    return;
                }
            }
            if (shouldRenew(pagesThisExecution)) {
                attributes.continueAsNew(input.carrying(new SyncInput.Carried(pages, tally.snapshot(), paused, cursor, canaryPassed)));
            }
        }
    }

    private void process(FlowPlan plan, RunRef run, ExtractedPage page) {
        PageRef ref = new PageRef(input.flow(), run, pages + 1);
        if (canaryPending()) {
            deliverThroughCanary(plan, ref, pipeline.decide(ref, page.records(), false, false));
        } else if (Workflow.getVersion(WHOLE_PAGES, Workflow.DEFAULT_VERSION, 1) == 1) {
            pipeline.processWhole(ref, page.records(), plan.source(), plan.targets(), input.dryRunRequested());
        } else {
            ResolvedPage resolved = pipeline.decide(ref, page.records(), input.dryRunRequested(), false);
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
        state(RunState.RUNNING);
    }

    private boolean canaryPending() {
        return input.canary() != null && !canaryPassed && !input.dryRunRequested();
    }

    /**
     * Delivers the page's canary keys only, reads them back from every target, then either delivers
     * everything held back (canary passed) or stops the run and reverts it (canary failed).
     */
    private void deliverThroughCanary(FlowPlan plan, PageRef ref, ResolvedPage resolved) {
        boolean spread = Workflow.getVersion(SPREAD_CANARY, Workflow.DEFAULT_VERSION, 1) == 1;
        List<String> canaryKeys = resolved.deliveries().stream().filter(key -> input.canary().includes(key, spread)).toList();
        if (canaryKeys.isEmpty()) {
            return;
        }
        pipeline.deliver(plan.targets(), ref, canaryKeys, false);
        VerifyResult verified = activities.verify.verify(new VerifyRequest(input.flow(), plan.targets(), canaryKeys));
        tally.add("canary:checked", verified.checked());
        if (verified.passed()) {
            canaryPassed = true;
            pipeline.drainPending(plan.targets(), ref, false);
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
            state(RunState.ROLLING_BACK);
            RollbackResult result = activities.rollback.revertRun(new RollbackRequest(input.flow(), run.runId()));
            tally.add("rollback:reverted", result.reverted());
            tally.add("rollback:conflicts", result.conflicts().size());
            state(canaryFailed ? RunState.CANARY_FAILED : RunState.ROLLED_BACK);
        } else {
            state(cancelRequested ? RunState.CANCELLED : RunState.FINISHED);
        }
        activities.runs.finishRun(new FinishRunRequest(input.flow(), run, state.label(), pages, tally.snapshot()));
        return new SyncResult(input.flow(), run.runId(), state.label(), pages, tally.snapshot(), cursor.toString());
    }

    /** Moves the run to {@code newState}, shown in the {@code AccordState} search attribute too. */
    private void state(RunState newState) {
        state = newState;
        showState();
    }

    /**
     * The state as the progress query reports it (a paused run shows {@code paused}), in the {@code AccordState} search
     * attribute; {@code waiting} for the next poll shows as {@code running}, so an idle continuous sync does not upsert twice
     * on every poll.
     */
    private void showState() {
        if (attributes != null) {
            RunState shown = shownState();
            attributes.state((shown == RunState.WAITING ? RunState.RUNNING : shown).label());
        }
    }

    private RunState shownState() {
        return paused && !stopRequested() ? RunState.PAUSED : state;
    }

    private boolean stopRequested() {
        return cancelRequested || rollbackRequested;
    }

    @Override
    public void pause() {
        paused = true;
        if (state == RunState.RUNNING || state == RunState.WAITING) {
            stateBeforePause = state;
            state = RunState.PAUSED;
        }
        showState();
    }

    @Override
    public void resume() {
        paused = false;
        if (state == RunState.PAUSED) {
            state = stateBeforePause;
        }
        showState();
    }

    @Override
    public void cancel() {
        cancelRequested = true;
        state(RunState.CANCELLING);
    }

    @Override
    public void rollback() {
        rollbackRequested = true;
        state(RunState.ROLLING_BACK);
    }

    @Override
    public void catchUp() {
        catchUpRequested = true;
    }

    @Override
    public SyncProgress progress() {
        String flow = input == null ? null : input.flow();
        return new SyncProgress(flow, shownState().label(), pages,
                tally == null ? java.util.Map.of() : tally.snapshot(), cursor.toString(), head.toString(),
                input != null && input.dryRunRequested());
    }
}
