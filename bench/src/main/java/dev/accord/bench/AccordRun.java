package dev.accord.bench;

import dev.accord.bench.Results.AccordBackfill;
import dev.accord.bench.Results.Throughput;
import dev.accord.workflows.TaskQueues;
import dev.accord.workflows.backfill.BackfillInput;
import dev.accord.workflows.backfill.BackfillResult;
import dev.accord.workflows.backfill.BackfillWorkflow;
import dev.accord.workflows.rollback.RollbackInput;
import dev.accord.workflows.rollback.RollbackSummary;
import dev.accord.workflows.rollback.RollbackWorkflow;
import dev.accord.workflows.runs.RunLabels;
import dev.accord.workflows.runs.WorkflowStarts;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Accord on one target kind: a worker in this process with its own store (schema {@code store_<kind>}),
 * a BackfillWorkflow of the whole source as {@code accord backfill start} starts it, and the rollback of that
 * run as {@code accord rollback run} does it.
 */
final class AccordRun implements AutoCloseable {

    private final String kind;
    private final Jdbc store;
    private final AccordWorker worker;
    private final StoreAnalyzer analyzer;
    private String backfillRunId;

    private AccordRun(String kind, Jdbc store, AccordWorker worker) {
        this.kind = kind;
        this.store = store;
        this.worker = worker;
        this.analyzer = new StoreAnalyzer(store);
    }

    static AccordRun start(BenchDatabases databases, String kind, Path dir, int batchSize, boolean identity) {
        String storeUrl = databases.storeUrl("store_" + kind);
        AccordWorker worker = AccordWorker.start(BenchContract.write(dir, kind, batchSize, identity), BenchContract.environment(databases, kind),
                storeUrl);
        return new AccordRun(kind, new Jdbc(storeUrl, "postgres"), worker);
    }

    WorkflowClient client() {
        return worker.client();
    }

    /** Backfills every source row into the target; measures time, memory and what it cost in Temporal. */
    AccordBackfill backfill(int rowsPerChunk, int parallelism) {
        BackfillInput input = new BackfillInput(BenchContract.FLOW, null, null, rowsPerChunk, parallelism, null, null);
        BackfillWorkflow workflow = client().newWorkflowStub(BackfillWorkflow.class, WorkflowStarts.options(TaskQueues.ACCORD,
                "backfill/" + BenchContract.FLOW + "/" + kind, RunLabels.backfill(input)));
        BackfillResult result;
        double seconds;
        MemorySampler.Peaks memory;
        WorkflowExecution execution;
        System.gc();
        try (MemorySampler sampler = new MemorySampler()) {
            long started = System.nanoTime();
            execution = WorkflowClient.start(workflow::run, input);
            result = WorkflowStub.fromTyped(workflow).getResult(BackfillResult.class);
            seconds = (System.nanoTime() - started) / 1e9;
            memory = sampler.peaks();
        }
        if (!"finished".equals(result.state())) {
            throw new BenchException("the backfill ended " + result.state() + ": " + result.counts());
        }
        backfillRunId = result.runId();
        WorkflowCost.Totals cost = new WorkflowCost(client()).of(execution.getWorkflowId(), execution.getRunId());
        long pages = store.count("select coalesce(sum(pages), 0) from backfill_chunk where run_id = '" + backfillRunId + "'");
        Results.WorkflowCost workflowCost = new Results.WorkflowCost(cost.executions(), cost.events(), cost.activities(), pages,
                result.records() == 0 ? 0 : cost.events() * 1000.0 / result.records(), pages == 0 ? 0 : (double) cost.activities() / pages,
                Math.round(cost.bytes() / 1048576.0 * 10) / 10.0);
        return new AccordBackfill(Throughput.of("Accord backfill", kind, result.records(), seconds), result.counts(),
                Results.Memory.of(memory), workflowCost, null, 0);
    }

    /** Rolls the backfill's run back through RollbackWorkflow; adds its throughput to the backfill's figures. */
    AccordBackfill rollback(AccordBackfill backfill) {
        RollbackInput input = new RollbackInput(null, backfillRunId, null, null);
        RollbackWorkflow workflow = client().newWorkflowStub(RollbackWorkflow.class, WorkflowStarts.options(TaskQueues.ACCORD,
                "rollback/" + backfillRunId, RunLabels.rollback(input)));
        long started = System.nanoTime();
        WorkflowClient.start(workflow::run, input);
        RollbackSummary summary;
        try {
            summary = WorkflowStub.fromTyped(workflow).getResult(rollbackTimeoutSeconds(backfill), TimeUnit.SECONDS, RollbackSummary.class);
        } catch (TimeoutException e) {
            throw new BenchException("the rollback did not finish within " + rollbackTimeoutSeconds(backfill) + " s", e);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (!"rolled-back".equals(summary.state())) {
            throw new BenchException("the rollback ended " + summary.state());
        }
        return new AccordBackfill(backfill.backfill(), backfill.counts(), backfill.memory(), backfill.workflow(),
                Throughput.of("Accord rollback", kind, summary.reverted(), seconds), summary.conflicts().size());
    }

    /** As long as the backfill took, and ten minutes more: a rollback runs several times faster, or it is stuck. */
    private static long rollbackTimeoutSeconds(AccordBackfill backfill) {
        return 600 + (long) backfill.backfill().seconds();
    }

    @Override
    public void close() {
        analyzer.close();
        worker.close();
    }
}
