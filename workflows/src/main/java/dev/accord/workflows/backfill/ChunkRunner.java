package dev.accord.workflows.backfill;

import dev.accord.core.page.FlowPlan;
import dev.accord.core.page.RunRef;
import dev.accord.workflows.WorkflowIds;
import dev.accord.workflows.activities.KeyRange;
import dev.accord.workflows.runs.RunLabels;
import dev.accord.workflows.runs.WorkflowStarts;
import dev.accord.workflows.sync.Tally;
import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Runs a backfill's chunks as child workflows, at most {@code parallelism} at a time, in chunk order.
 * Workflow code: every decision depends only on signals and completed promises.
 */
final class ChunkRunner {

    private final RunRef run;
    private final FlowPlan plan;
    private final BackfillInput input;
    private final Tally tally;
    private final List<ChunkState> states = new ArrayList<>();
    private final Map<Integer, BackfillChunkWorkflow> stubs = new LinkedHashMap<>();
    private final Map<Integer, Promise<ChunkResult>> running = new LinkedHashMap<>();
    private long pages;
    private boolean childrenPaused;
    private boolean childrenStopped;
    private final boolean labelled;

    /** @param labelled the backfill carries Accord's search attributes, so its chunks carry them too */
    ChunkRunner(RunRef run, FlowPlan plan, List<KeyRange> ranges, BackfillInput input, Tally tally, boolean labelled) {
        this.labelled = labelled;
        this.run = run;
        this.plan = plan;
        this.input = input;
        this.tally = tally;
        for (int i = 0; i < ranges.size(); i++) {
            states.add(new ChunkState(i + 1, ranges.get(i), "pending", 0));
        }
    }

    void runAll(int parallelism, BooleanSupplier paused, BooleanSupplier stop) {
        int next = 0;
        while (true) {
            if (!paused.getAsBoolean() && !stop.getAsBoolean()) {
                while (running.size() < parallelism && next < states.size()) {
                    start(states.get(next++));
                }
            }
            if (running.isEmpty() && (next >= states.size() || stop.getAsBoolean())) {
                return;
            }
            Workflow.await(() -> running.values().stream().anyMatch(Promise::isCompleted)
                    || paused.getAsBoolean() != childrenPaused || (stop.getAsBoolean() && !childrenStopped)
                    || (running.isEmpty() && !paused.getAsBoolean()));
            passOn(paused.getAsBoolean(), stop.getAsBoolean());
            collect();
        }
    }

    private void start(ChunkState chunk) {
        ChunkInput chunkInput = new ChunkInput(input.flow(), run, chunk.chunk(), chunk.range(), plan.batchSize(), plan.source(),
                plan.targets(), input.dryRunRequested());
        BackfillChunkWorkflow child = Workflow.newChildWorkflowStub(BackfillChunkWorkflow.class, WorkflowStarts.child(
                WorkflowIds.chunk(run.workflowId(), chunk.chunk()), RunLabels.chunk(chunkInput), ParentClosePolicy.PARENT_CLOSE_POLICY_REQUEST_CANCEL,
                labelled));
        stubs.put(chunk.chunk(), child);
        running.put(chunk.chunk(), Async.function(child::run, chunkInput));
        set(chunk.chunk(), "running", chunk.records());
    }

    private void passOn(boolean paused, boolean stop) {
        if (stop && !childrenStopped) {
            running.keySet().forEach(n -> signal(n, BackfillChunkWorkflow::stop));
            childrenStopped = true;
        } else if (paused != childrenPaused) {
            running.keySet().forEach(n -> signal(n, paused ? BackfillChunkWorkflow::pause : BackfillChunkWorkflow::resume));
            childrenPaused = paused;
        }
    }

    /** Signals a running chunk; one that finished meanwhile needs no signal (the failure is expected, not an error). */
    private void signal(int chunk, java.util.function.Consumer<BackfillChunkWorkflow> signal) {
        if (running.get(chunk).isCompleted()) {
            return;
        }
        try {
            signal.accept(stubs.get(chunk));
        } catch (ApplicationFailure finishedMeanwhile) {
            // the chunk completed between the check and the signal; its result is collected next
        }
    }

    private void collect() {
        for (Integer chunk : new ArrayList<>(running.keySet())) {
            Promise<ChunkResult> promise = running.get(chunk);
            if (!promise.isCompleted()) {
                continue;
            }
            running.remove(chunk);
            try {
                ChunkResult result = promise.get();
                result.counts().forEach(tally::add);
                pages += result.pages();
                set(chunk, result.state(), result.records());
            } catch (ChildWorkflowFailure failure) {
                set(chunk, "failed", states.get(chunk - 1).records());
            }
        }
    }

    private void set(int chunk, String state, long records) {
        ChunkState before = states.get(chunk - 1);
        states.set(chunk - 1, new ChunkState(chunk, before.range(), state, records));
    }

    List<ChunkState> states() {
        return states;
    }

    int total() {
        return states.size();
    }

    int done() {
        return (int) states.stream().filter(s -> "done".equals(s.state())).count();
    }

    int running() {
        return running.size();
    }

    int failed() {
        return (int) states.stream().filter(s -> "failed".equals(s.state())).count();
    }

    long records() {
        return states.stream().mapToLong(ChunkState::records).sum();
    }

    long pages() {
        return pages;
    }
}
