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
 * then settle the log, drop the deliveries and remember the echo. A row that changed under us is re-read,
 * its own change is resolved through the hub first (so a target's concurrent edit is judged by the
 * contract, not overwritten blindly), and the delivery is planned again, up to {@value #ATTEMPTS} times.
 */
public final class TargetApplier {

    static final int ATTEMPTS = 3;
    static final int DRAIN_BATCH = 1000;

    private final SyncContext context;
    private final DeliveryWriter writer;
    private final ConflictResolver conflicts;

    public TargetApplier(SyncContext context, Hub hub) {
        this.context = context;
        this.writer = new DeliveryWriter(context);
        this.conflicts = new ConflictResolver(context, hub);
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
        List<TargetOutcome> outcomes = new ArrayList<>();
        List<String> keys = request.keys();
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            List<Deliveries.Delivery> pending = pending(request, flow, keys);
            if (pending.isEmpty()) {
                break;
            }
            Map<String, GoldenRecords.Stored> golden = context.store().inTransaction(c ->
                    context.store().golden().load(c, flow.domain(), pending.stream().map(Deliveries.Delivery::key).toList()));
            Map<String, TargetRow> rows = connector.readByKeys(golden.keySet());
            DeliveryWriter.Result result = writer.deliver(request.page(), flow, request.target(), connector, pending, golden, rows);
            outcomes.addAll(result.settled());
            progress.run();
            if (result.conflicts().isEmpty()) {
                return new AppliedPage(request.target(), outcomes, false);
            }
            keys = result.conflicts().stream().map(TargetOutcome::key).toList();
            if (attempt == ATTEMPTS) {
                outcomes.addAll(result.conflicts());
            } else {
                conflicts.reResolve(request.page(), flow, request.target(), connector, keys);
            }
        }
        return new AppliedPage(request.target(), outcomes, false);
    }

    private List<Deliveries.Delivery> pending(ApplyRequest request, FlowSpec flow, List<String> keys) {
        return context.store().inTransaction(c -> keys.isEmpty()
                ? context.store().deliveries().oldest(c, request.target(), flow.domain(), DRAIN_BATCH)
                : context.store().deliveries().pending(c, request.target(), flow.domain(), keys));
    }
}
