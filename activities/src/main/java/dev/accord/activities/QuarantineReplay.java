package dev.accord.activities;

import dev.accord.connectors.ConnectorFactory;
import dev.accord.connectors.SourceRow;
import dev.accord.core.contract.FlowSpec;
import dev.accord.core.page.AppliedPage;
import dev.accord.core.resolve.Decision;
import dev.accord.core.page.PageRef;
import dev.accord.core.page.RecordOutcome;
import dev.accord.core.page.ResolvedPage;
import dev.accord.core.page.ValidatedPage;
import dev.accord.engine.CompiledContract;
import dev.accord.engine.DeliveryOrder;
import dev.accord.engine.Holds;
import dev.accord.engine.PageFlow;
import dev.accord.engine.TargetApplier;
import dev.accord.store.AccordStore;
import dev.accord.store.Deliveries;
import dev.accord.store.QuarantineLog;
import dev.accord.workflows.activities.ReplayRequest;
import dev.accord.workflows.activities.ReplayedPage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Brings a page of quarantine entries of one flow through again, under the current contract. Ingress entries:
 * each record read again from the source by key (or rebuilt from its stored payload, {@link ReplayRecords}) goes
 * through the {@link PageFlow} with every key delivered, as a backfill page does. Egress entries: the golden record is queued for that target again, all
 * fields, and delivered. An entry whose record is quarantined again stays (or goes back to) open; every other one
 * is replayed, with the record's decision and what each system did as its outcome. Everything is recorded under
 * the replay's run, so rolling the run back undoes it.
 *
 * @see ReplayPage for what a page collects
 */
final class QuarantineReplay {

    private final CompiledContract compiled;
    private final AccordStore store;
    private final ConnectorFactory connectors;
    private final PageFlow pages;
    private final TargetApplier applier;

    QuarantineReplay(CompiledContract compiled, AccordStore store, ConnectorFactory connectors, PageFlow pages, TargetApplier applier) {
        this.compiled = compiled;
        this.store = store;
        this.connectors = connectors;
        this.pages = pages;
        this.applier = applier;
    }

    /**
     * A held page when the flow's source is unavailable for now (nothing replayed); a system unavailable for a
     * delivery leaves its keys queued and returned as undelivered.
     *
     * @param progress called after each delivery, for heartbeats
     */
    ReplayedPage replay(ReplayRequest request, Runnable progress) {
        FlowSpec flow = compiled.contract().flow(request.page().flow());
        List<QuarantineLog.Stored> entries = store.inTransaction(c -> store.quarantine().find(c, request.ids()))
                .stream().filter(e -> e.entry().flow().equals(flow.name()) && !QuarantineLog.DISCARDED.equals(e.state())).toList();
        List<QuarantineLog.Stored> ingress = entries.stream().filter(e -> !e.egress()).toList();
        Map<String, List<QuarantineLog.Stored>> groups = ReplayRecords.byKey(ingress);
        List<String> keys = groups.values().stream().map(g -> g.get(0).entry().key()).filter(k -> k != null).toList();
        List<SourceRow> rows = keys.isEmpty() ? List.of() : Holds.holdingWhileUnavailable(
                () -> connectors.source(flow.source(), flow.domain()).readByKeys(keys), unavailable -> null);
        if (rows == null) {
            return ReplayedPage.heldSource();
        }
        Function<DeliveryOrder, AppliedPage> deliver = apply -> Holds.holdingWhileUnavailable(() -> applier.apply(apply, progress),
                unavailable -> new AppliedPage(apply.target(), List.of(), true));
        ReplayPage page = new ReplayPage();
        if (!groups.isEmpty()) {
            ingress(request.page(), flow, ReplayRecords.of(groups, rows), page, progress);
        }
        Map<String, List<QuarantineLog.Stored>> byTarget = new LinkedHashMap<>();
        entries.stream().filter(QuarantineLog.Stored::egress)
                .forEach(e -> byTarget.computeIfAbsent(e.entry().system(), t -> new ArrayList<>()).add(e));
        byTarget.forEach((target, egress) -> egress(request.page(), flow, target, egress, page, deliver));
        store.inTransaction(c -> {
            store.quarantineActions().replayed(c, page.marks(), request.requestedBy(), request.page().run().workflowId(),
                    request.page().run().runId());
            return null;
        });
        return page.result();
    }

    private void ingress(PageRef ref, FlowSpec flow, List<ReplayRecords.Group> groups, ReplayPage page, Runnable progress) {
        PageFlow.Outcome ran = pages.run(ref, groups.stream().map(ReplayRecords.Group::record).toList(),
                new PageFlow.Route(flow.source(), flow.targets(), false, true), progress, false);
        ValidatedPage validated = ran.validated();
        ResolvedPage resolved = ran.resolved();
        page.decided(validated.quarantined(), resolved);
        ran.deliveries().forEach(delivery -> page.delivered(delivery.system(), delivery.keys(), delivery.applied()));
        Map<String, String> again = new LinkedHashMap<>();
        validated.quarantined().forEach(o -> again.put(o.key(), o.detail()));
        Map<String, RecordOutcome> decided = new LinkedHashMap<>();
        resolved.records().forEach(o -> decided.put(o.key(), o));
        Map<String, String> canonical = canonicalIds(flow, groups);
        for (ReplayRecords.Group group : groups) {
            String key = group.record().key();
            String source = group.fromSource() ? "read again from " + flow.source() : "stored payload (" + flow.source() + " no longer has it)";
            // a source that keeps its own ids is decided and delivered under the canonical id its local id is linked to
            String decidedKey = decided.containsKey(key) ? key : canonical.getOrDefault(key, key);
            RecordOutcome outcome = decided.get(decidedKey);
            if (again.containsKey(key)) {
                page.mark(group.entries(), false, "quarantined again: " + ReplayPage.codesAndPaths(again.get(key)) + "; " + source);
            } else if (outcome != null && outcome.decision() == Decision.QUARANTINED) {
                // quarantined by the hub (AMBIGUOUS_MATCH before a steward linked it, PROCESSING_FAILED): still open
                page.mark(group.entries(), false, "quarantined again: " + ReplayPage.codesAndPaths(outcome.detail()) + "; " + source);
            } else {
                page.mark(group.entries(), true, (outcome == null ? "not decided" : outcome.decision().spelling()) + "; " + source
                        + page.targetsOf(decidedKey));
            }
        }
    }

    /** The canonical ids the flow's source's local ids are linked to, when the source keeps its own ids (else none). */
    private Map<String, String> canonicalIds(FlowSpec flow, List<ReplayRecords.Group> groups) {
        if (!compiled.contract().mapping(flow.source(), flow.domain()).ownsIds()) {
            return Map.of();
        }
        List<String> keys = groups.stream().map(g -> g.record().key()).toList();
        return store.inTransaction(c -> store.identityLinks().canonicalIds(c, flow.domain(), flow.source(), keys));
    }

    private void egress(PageRef ref, FlowSpec flow, String target, List<QuarantineLog.Stored> entries, ReplayPage page,
                        Function<DeliveryOrder, AppliedPage> deliver) {
        List<String> keys = entries.stream().map(e -> e.entry().key()).distinct().toList();
        List<String> fields = new ArrayList<>(compiled.contract().domain(flow.domain()).fields().keySet());
        store.inTransaction(c -> {
            store.deliveries().enqueue(c, keys.stream().map(k -> Deliveries.Delivery.of(target, flow.domain(), k, fields,
                    flow.name(), ref.run().runId(), ref.page())).toList());
            return null;
        });
        page.delivered(target, keys, deliver.apply(DeliveryOrder.of(ref, target, keys, false)));
        Set<String> again = new HashSet<>(page.quarantinedAt(target));
        Map<String, List<QuarantineLog.Stored>> byKey = new LinkedHashMap<>();
        entries.forEach(e -> byKey.computeIfAbsent(e.entry().key(), k -> new ArrayList<>()).add(e));
        byKey.forEach((key, own) -> page.mark(own, !again.contains(key), (again.contains(key) ? "quarantined again at egress"
                : "delivered again") + page.targetsOf(key)));
    }
}
