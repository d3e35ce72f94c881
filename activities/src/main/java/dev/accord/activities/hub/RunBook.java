package dev.accord.activities.hub;

import dev.accord.activities.store.Checkpoints;
import dev.accord.activities.store.Runs;
import dev.accord.activities.store.StoreJson;
import dev.accord.core.contract.FlowMode;
import dev.accord.core.contract.FlowSpec;
import dev.accord.workflows.activities.CheckpointRequest;
import dev.accord.workflows.activities.Cursor;
import dev.accord.workflows.activities.FinishRunRequest;
import dev.accord.workflows.activities.FlowPlan;
import dev.accord.workflows.activities.StartRunRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A run's bookkeeping: its run record (artifacts), the flow's plan, checkpoints, and the final counts. */
public final class RunBook {

    private final SyncContext context;

    public RunBook(SyncContext context) {
        this.context = context;
    }

    public FlowPlan startRun(StartRunRequest request) {
        FlowSpec flow = context.contract().flow(request.flow());
        boolean continuous = request.mode() == null ? flow.mode() == FlowMode.CONTINUOUS
                : FlowMode.parse(request.mode()).orElseThrow(() -> new IllegalArgumentException(
                        "unknown mode '" + request.mode() + "': use one-shot or continuous")) == FlowMode.CONTINUOUS;
        int batchSize = request.batchSize() == null ? flow.batchSize() : request.batchSize();
        if (batchSize < 1 || batchSize > 100_000) {
            throw new IllegalArgumentException("batchSize " + batchSize + " is out of range 1..100000");
        }
        int schemaVersion = context.contract().domain(flow.domain()).schema().version();
        Cursor checkpoint = context.store().inTransaction(c -> {
            Optional<Checkpoints.Checkpoint> saved = context.store().checkpoints().load(c, flow.name());
            Cursor cursor = saved.map(s -> new Cursor(s.position(), s.key())).orElse(Cursor.BEGINNING);
            Map<String, Object> options = new LinkedHashMap<>();
            options.put("mode", continuous ? "continuous" : "one-shot");
            options.put("batchSize", batchSize);
            options.put("dryRun", request.dryRun());
            context.store().runs().start(c, new Runs.Run(request.run().runId(), request.run().workflowId(),
                    request.run().executionRunId(), flow.name(), request.kind() == null ? "sync" : request.kind(), "running", request.dryRun(), context.contract().hash(),
                    context.contract().version(), schemaVersion, StoreJson.write(options), cursor.position(), cursor.key(), 0,
                    "{}", context.workerVersion(), context.deploymentId(), null, null));
            return cursor;
        });
        return new FlowPlan(flow.name(), flow.domain(), flow.source(), flow.targets(), continuous,
                flow.pollInterval().toMillis(), batchSize, context.contract().hash(), context.contract().version(),
                schemaVersion, checkpoint);
    }

    public void checkpoint(CheckpointRequest request) {
        Cursor cursor = request.cursor();
        Cursor head = request.sourceHead() == null ? Cursor.BEGINNING : request.sourceHead();
        context.store().inTransaction(c -> {
            context.store().checkpoints().save(c, new Checkpoints.Checkpoint(request.page().flow(), cursor.position(), cursor.key(),
                    head.position(), head.key(), request.page().run().workflowId(), request.page().run().runId(),
                    request.page().page(), null));
            return null;
        });
    }

    public void finishRun(FinishRunRequest request) {
        context.store().inTransaction(c -> {
            context.store().runs().finish(c, request.run().runId(), request.state(), request.pages(), StoreJson.write(request.counts()));
            return null;
        });
    }
}
