package dev.accord.engine;

import dev.accord.connectors.ConnectorFactory;
import dev.accord.connectors.TargetConnector;
import dev.accord.connectors.TargetRow;
import dev.accord.connectors.WriteResult;
import dev.accord.core.contract.FlowSpec;
import dev.accord.core.mapping.RecordMapper;
import dev.accord.core.page.AppliedPage;
import dev.accord.core.page.TargetOutcome;
import dev.accord.core.validation.ReasonCode;
import dev.accord.engine.telemetry.Telemetry;
import dev.accord.store.AccordStore;
import dev.accord.store.Deliveries;
import dev.accord.store.GoldenRecords;
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

    private final CompiledContract compiled;
    private final AccordStore store;
    private final ConnectorFactory connectors;
    private final Telemetry telemetry;
    private final DeliveryWriter writer;
    private final TargetEdits edits;

    public TargetApplier(CompiledContract compiled, AccordStore store, ConnectorFactory connectors, Telemetry telemetry, Hub hub) {
        this.compiled = compiled;
        this.store = store;
        this.connectors = connectors;
        this.telemetry = telemetry;
        this.writer = new DeliveryWriter(compiled, store, telemetry);
        this.edits = new TargetEdits(compiled, connectors, hub, new Identities(compiled, store));
    }

    /** @param progress called after each attempt, for heartbeats */
    public AppliedPage apply(DeliveryOrder request, Runnable progress) {
        return apply(request, progress, false);
    }

    /**
     * @param progress called after each attempt, for heartbeats
     * @param isolating the step has failed again and again: a key whose delivery keeps failing alone
     *     ({@link Isolation}) is quarantined as PROCESSING_FAILED at this target, and the others are delivered
     */
    public AppliedPage apply(DeliveryOrder request, Runnable progress, boolean isolating) {
        FlowSpec flow = compiled.contract().flow(request.page().flow());
        if (request.dryRun()) {
            return new AppliedPage(request.target(), request.keys().stream()
                    .map(k -> new TargetOutcome(k, TargetOutcome.Status.WOULD_WRITE, null, null, "dry run")).toList(), false);
        }
        if (store.inTransaction(c -> store.killSwitch().state(c).engaged())) {
            return new AppliedPage(request.target(), List.of(), true);
        }
        TargetConnector connector = connectors.target(request.target(), flow.domain());
        if (!request.drain()) {
            return request.keys().isEmpty() ? new AppliedPage(request.target(), List.of(), false)
                    : counted(flow, new AppliedPage(request.target(), deliver(request, flow, connector, request.keys(), progress, isolating), false));
        }
        List<TargetOutcome> outcomes = new ArrayList<>();
        while (true) {
            List<String> oldest = store.inTransaction(c -> store.deliveries()
                    .oldest(c, request.target(), flow.domain(), DRAIN_BATCH)).stream().map(Deliveries.Delivery::key).toList();
            List<TargetOutcome> drained = oldest.isEmpty() ? List.of() : deliver(request, flow, connector, oldest, progress, isolating);
            outcomes.addAll(drained);
            if (drained.isEmpty() || drained.stream().allMatch(o -> o.status() == TargetOutcome.Status.CONFLICT
                    || o.status() == TargetOutcome.Status.PARKED)) {
                return counted(flow, new AppliedPage(request.target(), outcomes, false));
            }
        }
    }

    private AppliedPage counted(FlowSpec flow, AppliedPage page) {
        telemetry.metrics().delivered(flow, page);
        return page;
    }

    private List<TargetOutcome> deliver(DeliveryOrder request, FlowSpec flow, TargetConnector connector, List<String> keys,
                                        Runnable progress, boolean isolating) {
        if (!isolating) {
            return deliver(request, flow, connector, keys, progress);
        }
        return Isolation.bisect(keys, part -> deliver(request, flow, connector, part, progress),
                (key, e) -> poisoned(request, flow, key, e), (a, b) -> {
                    List<TargetOutcome> all = new ArrayList<>(a);
                    all.addAll(b);
                    return all;
                });
    }

    /**
     * A key whose delivery keeps failing alone: quarantined at this target as PROCESSING_FAILED and its delivery
     * dropped so it never blocks the target again; it goes out with its next change. A change-log entry it left
     * pending stays pending: whether its write landed is for the rollback to find out (it checks the row).
     */
    private List<TargetOutcome> poisoned(DeliveryOrder request, FlowSpec flow, String key, RuntimeException e) {
        String message = Isolation.describe(e);
        List<Deliveries.Delivery> pending = pending(request, flow, List.of(key));
        RecordMapper mapper = compiled.mapper(request.target(), flow.domain());
        TargetRefusals refusals = new TargetRefusals(request.page(), flow, request.target(), mapper,
                compiled.contract().domain(flow.domain()).key());
        WriteResult.Rejection rejection = new WriteResult.Rejection(ReasonCode.PROCESSING_FAILED, null, message);
        store.inTransaction(c -> {
            store.quarantine().add(c, pending.stream().map(d -> refusals.entry(d, rejection)).toList());
            store.deliveries().remove(c, pending);
            return null;
        });
        return List.of(refusals.outcome(key, null, rejection));
    }

    private List<TargetOutcome> deliver(DeliveryOrder request, FlowSpec flow, TargetConnector connector, List<String> keys,
                                        Runnable progress) {
        List<TargetOutcome> outcomes = new ArrayList<>();
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            if (pending(request, flow, keys).isEmpty()) {
                break;
            }
            edits.resolve(request.page(), flow, request.target(), keys);
            List<Deliveries.Delivery> pending = pending(request, flow, keys);
            List<String> pendingKeys = pending.stream().map(Deliveries.Delivery::key).toList();
            Map<String, GoldenRecords.Stored> golden = store.inTransaction(c ->
                    store.golden().load(c, flow.domain(), pendingKeys));
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

    private List<Deliveries.Delivery> pending(DeliveryOrder request, FlowSpec flow, List<String> keys) {
        return store.inTransaction(c -> store.deliveries().pending(c, request.target(), flow.domain(), keys));
    }
}
