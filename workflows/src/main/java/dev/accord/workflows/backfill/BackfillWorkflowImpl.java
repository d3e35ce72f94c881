package dev.accord.workflows.backfill;

import dev.accord.core.page.FlowPlan;
import dev.accord.core.page.RunRef;
import dev.accord.core.rollback.RollbackResult;
import dev.accord.workflows.activities.FinishRunRequest;
import dev.accord.workflows.activities.KeyRange;
import dev.accord.workflows.activities.PlanChunksRequest;
import dev.accord.workflows.activities.RollbackRequest;
import dev.accord.workflows.activities.StartRunRequest;
import dev.accord.workflows.runs.RunAttributes;
import dev.accord.workflows.runs.RunState;
import dev.accord.workflows.sync.ActivityStubs;
import dev.accord.workflows.sync.Tally;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans the chunks, keeps up to {@code parallelism} chunk workflows running, passes pause, resume and stop
 * on to them, and on rollback reverts the whole backfill (every chunk writes under this run).
 */
public class BackfillWorkflowImpl implements BackfillWorkflow {

    private final ActivityStubs activities = new ActivityStubs();
    private final Tally tally = new Tally(null);
    private BackfillInput input;
    private ChunkRunner chunks;
    private RunAttributes attributes;
    private RunState state = RunState.PLANNING;
    private boolean paused;
    private boolean cancelRequested;
    private boolean rollbackRequested;
    private long startedAt;

    @Override
    public BackfillResult run(BackfillInput input) {
        this.input = input;
        this.attributes = RunAttributes.ofCurrentRun();
        this.startedAt = Workflow.currentTimeMillis();
        WorkflowInfo info = Workflow.getInfo();
        RunRef run = new RunRef(info.getWorkflowId(), info.getFirstExecutionRunId(), info.getRunId());
        try {
            FlowPlan plan = activities.runs.startRun(new StartRunRequest(input.flow(), run, "one-shot", input.batchSize(),
                    input.dryRunRequested(), "backfill"));
            attributes.contract(plan);
            List<KeyRange> ranges = activities.backfill.planChunks(new PlanChunksRequest(input.flow(),
                    new KeyRange(input.afterKey(), input.lastKey()), input.chunkRows()));
            chunks = new ChunkRunner(run, plan, ranges, input, tally, attributes.labelled());
            state(RunState.RUNNING);
            chunks.runAll(input.chunkParallelism(), () -> paused, this::stopRequested);
        } catch (ActivityFailure failure) {
            finish(run, RunState.FAILED);
            throw failure;
        }
        return finish(run, closingState());
    }

    private RunState closingState() {
        if (rollbackRequested) {
            return RunState.ROLLED_BACK;
        }
        if (cancelRequested) {
            return RunState.CANCELLED;
        }
        return chunks.failed() > 0 ? RunState.FAILED : RunState.FINISHED;
    }

    private BackfillResult finish(RunRef run, RunState closing) {
        if (rollbackRequested) {
            state(RunState.ROLLING_BACK);
            RollbackResult result = activities.rollback.revertRun(new RollbackRequest(input.flow(), run.runId()));
            tally.add("rollback:reverted", result.reverted());
            tally.add("rollback:conflicts", result.conflicts().size());
        }
        state(closing);
        long pages = chunks == null ? 0 : chunks.pages();
        activities.runs.finishRun(new FinishRunRequest(input.flow(), run, state.label(), pages, tally.snapshot()));
        return new BackfillResult(input.flow(), run.runId(), state.label(), chunks == null ? 0 : chunks.total(),
                chunks == null ? 0 : chunks.records(), tally.snapshot());
    }

    /** Moves the run to {@code newState}, shown in the {@code AccordState} search attribute too. */
    private void state(RunState newState) {
        state = newState;
        showState();
    }

    private RunState shownState() {
        return paused && state == RunState.RUNNING ? RunState.PAUSED : state;
    }

    /** The state as the progress query shows it: a running backfill that is paused shows {@code paused}. */
    private void showState() {
        if (attributes != null) {
            attributes.state(shownState().label());
        }
    }

    private boolean stopRequested() {
        return cancelRequested || rollbackRequested;
    }

    @Override
    public void pause() {
        paused = true;
        showState();
    }

    @Override
    public void resume() {
        paused = false;
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
    public BackfillProgress progress() {
        long elapsed = (Workflow.currentTimeMillis() - startedAt) / 1000;
        if (chunks == null) {
            return new BackfillProgress(input == null ? null : input.flow(), state.label(), 0, 0, 0, 0, elapsed, -1, tally.snapshot(), List.of());
        }
        int done = chunks.done();
        long eta = done == 0 ? -1 : elapsed * (chunks.total() - done) / done;
        String shown = shownState().label();
        return new BackfillProgress(input.flow(), shown, chunks.total(), done, chunks.running(), chunks.records(), elapsed, eta,
                tally.snapshot(), new ArrayList<>(chunks.states()));
    }
}
