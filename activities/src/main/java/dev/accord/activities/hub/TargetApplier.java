package dev.accord.activities.hub;

import dev.accord.activities.store.Deliveries;
import dev.accord.activities.store.GoldenRecords;
import dev.accord.connectors.TargetConnector;
import dev.accord.connectors.TargetRow;
import dev.accord.core.contract.FlowSpec;
import dev.accord.workflows.activities.AppliedPage;
import dev.accord.workflows.activities.ApplyRequest;
import dev.accord.workflows.activities.TargetOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Delivers golden records to one target: plan the compare-and-set writes, log their before-images, write,
 * then settle the log, drop the deliveries and remember the echo. Before each attempt the target rows' own
 * state is resolved through the hub ({@link TargetEdits}), so an edit made in the target and not yet synced
 * is judged by the contract instead of overwritten; a row that changed under us (compare-and-set conflict)
 * is re-read, re-resolved and planned again, up to {@value #ATTEMPTS} times. Draining (no keys given)
 * repeats until nothing is pending.
 */
public final class TargetApplier {

    static final int ATTEMPTS = 3;
    static final int DRAIN_BATCH = 1000;

    private final SyncContext context;
    private final DeliveryWriter writer;
    private final TargetEdits edits;

    public TargetApplier(SyncContext context, Hub hub) {
        this.context = context;
        this.writer = new DeliveryWriter(context);
        this.edits = new TargetEdits(context, hub);
    }

    /** @param progress called after each attempt, for heartbeats */
    public AppliedPage apply(ApplyRequest request, Runnable progress) {
        FlowSpec flow = context.contract().flow(request.page().flow());
        if (request.dryRun()) {
            return new AppliedPage(request.target(), request.keys().stream()
                    .map(k -> new TargetOutcome(k, TargetOutcome.Status.WOULD_WRITE, null, null, "dry run")).toList(), false);
        }
        if (context.store().inTransaction(c -> context.store().killSwitch().state(c).engaged())) {
            return new AppliedPage(request.target(), List.of(), true);
        }
        TargetConnector connector = context.connectors().target(request.target(), flow.domain());
        if (!request.keys().isEmpty()) {
            return counted(flow, new AppliedPage(request.target(), deliver(request, flow, connector, request.keys(), progress), false));
        }
        List<TargetOutcome> outcomes = new ArrayList<>();
        while (true) {
            List<String> oldest = context.store().inTransaction(c -> context.store().deliveries()
                    .oldest(c, request.target(), flow.domain(), DRAIN_BATCH)).stream().map(Deliveries.Delivery::key).toList();
            List<TargetOutcome> drained = oldest.isEmpty() ? List.of() : deliver(request, flow, connector, oldest, progress);
            outcomes.addAll(drained);
            if (drained.isEmpty() || drained.stream().allMatch(o -> o.status() == TargetOutcome.Status.CONFLICT
                    || o.status() == TargetOutcome.Status.PARKED)) {
                return counted(flow, new AppliedPage(request.target(), outcomes, false));
            }
        }
    }

    private AppliedPage counted(FlowSpec flow, AppliedPage page) {
        context.telemetry().metrics().delivered(flow, page);
        return page;
    }

    private List<TargetOutcome> deliver(ApplyRequest request, FlowSpec flow, TargetConnector connector, List<String> keys,
                                        Runnable progress) {
        List<TargetOutcome> outcomes = new ArrayList<>();
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            if (pending(request, flow, keys).isEmpty()) {
                break;
            }
            edits.resolve(request.page(), flow, request.target(), keys);
            List<Deliveries.Delivery> pending = pending(request, flow, keys);
            List<String> pendingKeys = pending.stream().map(Deliveries.Delivery::key).toList();
            Map<String, GoldenRecords.Stored> golden = context.store().inTransaction(c ->
                    context.store().golden().load(c, flow.domain(), pendingKeys));
            Map<String, TargetRow> rows = connector.readByKeys(golden.keySet());
            DeliveryWriter.Result result = writer.deliver(request.page(), flow, request.target(), connector, pending, golden, rows);
            outcomes.addAll(result.settled());
            progress.run();
            if (result.conflicts().isEmpty()) {
                return outcomes;
            }
            keys = result.conflicts().stream().map(TargetOutcome::key).toList();
            if (attempt == ATTEMPTS) {
                outcomes.addAll(result.conflicts());
            }
        }
        return outcomes;
    }

    private List<Deliveries.Delivery> pending(ApplyRequest request, FlowSpec flow, List<String> keys) {
        return context.store().inTransaction(c -> context.store().deliveries().pending(c, request.target(), flow.domain(), keys));
    }
}
