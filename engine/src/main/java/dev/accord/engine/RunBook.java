package dev.accord.engine;

import dev.accord.core.contract.FlowMode;
import dev.accord.core.contract.FlowSpec;
import dev.accord.core.failure.InvalidRequestException;
import dev.accord.core.page.Cursor;
import dev.accord.core.page.FlowPlan;
import dev.accord.core.page.PageRef;
import dev.accord.core.page.RunRef;
import dev.accord.store.AccordStore;
import dev.accord.store.Checkpoints;
import dev.accord.store.Runs;
import dev.accord.store.StoreJson;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A run's bookkeeping: its run record (artifacts), the flow's plan, checkpoints, and the final counts. */
public final class RunBook {

    private final CompiledContract compiled;
    private final AccordStore store;
    private final WorkerIdentity worker;

    public RunBook(CompiledContract compiled, AccordStore store, WorkerIdentity worker) {
        this.compiled = compiled;
        this.store = store;
        this.worker = worker;
    }

    /**
     * Opens (or re-opens after continue-as-new) the run record and reads the flow's plan.
     *
     * @param mode one-shot or continuous; null for the contract's mode
     * @param requestedBatchSize null for the contract's batch size
     * @param kind sync or backfill (null: sync), recorded with the run
     */
    public FlowPlan startRun(String flowName, RunRef run, String mode, Integer requestedBatchSize, boolean dryRun, String kind) {
        FlowSpec flow = compiled.contract().flow(flowName);
        boolean continuous = mode == null ? flow.mode() == FlowMode.CONTINUOUS
                : FlowMode.parse(mode).orElseThrow(() -> new InvalidRequestException(
                        "unknown mode '" + mode + "': use one-shot or continuous")) == FlowMode.CONTINUOUS;
        int batchSize = requestedBatchSize == null ? flow.batchSize() : requestedBatchSize;
        if (batchSize < 1 || batchSize > 100_000) {
            throw new InvalidRequestException("batchSize " + batchSize + " is out of range 1..100000");
        }
        int schemaVersion = compiled.contract().domain(flow.domain()).schema().version();
        Cursor checkpoint = store.inTransaction(c -> {
            Optional<Checkpoints.Checkpoint> saved = store.checkpoints().load(c, flow.name());
            Cursor cursor = saved.map(s -> new Cursor(s.position(), s.key())).orElse(Cursor.BEGINNING);
            Map<String, Object> options = new LinkedHashMap<>();
            options.put("mode", continuous ? "continuous" : "one-shot");
            options.put("batchSize", batchSize);
            options.put("dryRun", dryRun);
            store.runs().start(c, Runs.Run.builder().runId(run.runId()).workflowId(run.workflowId())
                    .lastExecutionRunId(run.executionRunId()).flow(flow.name())
                    .kind(kind == null ? "sync" : kind).state("running").dryRun(dryRun)
                    .contractHash(compiled.contract().hash())
                    .contractVersion(compiled.contract().version()).schemaVersion(schemaVersion)
                    .optionsJson(StoreJson.write(options)).startPosition(cursor.position())
                    .startKey(cursor.key()).countsJson("{}").workerVersion(worker.version())
                    .deploymentId(worker.deploymentId()).build());
            return cursor;
        });
        return new FlowPlan(flow.name(), flow.domain(), flow.source(), flow.targets(), continuous,
                flow.pollInterval().toMillis(), batchSize, compiled.contract().hash(), compiled.contract().version(),
                schemaVersion, checkpoint);
    }

    /** Records that a page is fully applied: the flow continues after {@code cursor}. */
    public void checkpoint(PageRef page, Cursor cursor, Cursor sourceHead) {
        Cursor head = sourceHead == null ? Cursor.BEGINNING : sourceHead;
        store.inTransaction(c -> {
            store.checkpoints().save(c, new Checkpoints.Checkpoint(page.flow(), cursor.position(), cursor.key(),
                    head.position(), head.key(), page.run().workflowId(), page.run().runId(),
                    page.page(), null));
            return null;
        });
    }

    /** Closes the run record with its final state and counts per decision. */
    public void finishRun(RunRef run, String state, long pages, Map<String, Long> counts) {
        store.inTransaction(c -> {
            store.runs().finish(c, run.runId(), state, pages, StoreJson.write(counts));
            return null;
        });
    }
}
