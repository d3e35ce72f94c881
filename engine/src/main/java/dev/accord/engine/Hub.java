package dev.accord.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accord.connectors.ConnectorFactory;
import dev.accord.core.contract.FlowSpec;
import dev.accord.core.page.PageRef;
import dev.accord.core.page.RecordOutcome;
import dev.accord.core.page.ResolvedPage;
import dev.accord.core.record.SourceChange;
import dev.accord.core.resolve.Decision;
import dev.accord.core.resolve.Resolution;
import dev.accord.core.resolve.Resolver;
import dev.accord.core.validation.ReasonCode;
import dev.accord.engine.telemetry.Telemetry;
import dev.accord.store.AccordStore;
import dev.accord.store.AppliedChanges;
import dev.accord.store.GoldenRecords;
import dev.accord.store.QuarantineLog;
import dev.accord.store.StoreJson;
import dev.accord.core.identity.CanonicalIds;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The canonical hub: decides a page of changes against the golden records and commits, in one
 * transaction, the new golden records, their field history, the dedup keys and the deliveries the flow's
 * targets now need. Retrying the same page returns the decisions recorded the first time; any other run
 * that brings the same change sees a duplicate.
 */
public final class Hub {

    private final CompiledContract compiled;
    private final AccordStore store;
    private final ConnectorFactory connectors;
    private final Telemetry telemetry;
    private final HistoryEntries history;
    private final Linker linker;

    public Hub(CompiledContract compiled, AccordStore store, ConnectorFactory connectors, Telemetry telemetry) {
        this.compiled = compiled;
        this.store = store;
        this.connectors = connectors;
        this.telemetry = telemetry;
        this.history = new HistoryEntries(compiled.contract(), telemetry.traces());
        this.linker = new Linker(compiled, store, new CanonicalIds(store.clock(), new SecureRandom()));
    }

    public ResolvedPage resolve(PageRef page, List<SourceChange> changes, boolean dryRun) {
        return resolve(page, changes, dryRun, false);
    }

    /** @param deliverAll deliver every key of the page to the flow's targets, changed or not (backfills) */
    public ResolvedPage resolve(PageRef page, List<SourceChange> changes, boolean dryRun, boolean deliverAll) {
        if (changes.isEmpty()) {
            return new ResolvedPage(List.of(), List.of());
        }
        ResolvedPage resolved = store.inTransaction(connection -> resolve(connection, page, changes, dryRun, deliverAll));
        FlowSpec flow = compiled.contract().flow(page.flow());
        if (!dryRun && flow.source().equals(changes.get(0).system())) {
            telemetry.metrics().decided(flow, resolved.records());
        }
        return resolved;
    }

    /**
     * As {@link #resolve(PageRef, List, boolean, boolean)}, for a page that failed again and again: a change whose
     * resolution keeps failing alone ({@link Isolation}) is quarantined as PROCESSING_FAILED, the others are decided.
     */
    public ResolvedPage resolveIsolating(PageRef page, List<SourceChange> changes, boolean dryRun, boolean deliverAll) {
        if (changes.isEmpty()) {
            return new ResolvedPage(List.of(), List.of());
        }
        return Isolation.bisect(changes, part -> resolve(page, part, dryRun, deliverAll), (change, e) -> poisoned(page, change, e, dryRun),
                Hub::merged);
    }

    private ResolvedPage poisoned(PageRef page, SourceChange change, RuntimeException e, boolean dryRun) {
        FlowSpec flow = compiled.contract().flow(page.flow());
        String message = Isolation.describe(e);
        if (!dryRun) {
            QuarantineLog.Entry entry = new QuarantineLog.Entry(flow.name(), change.system(), flow.domain(), change.key(),
                    change.dedupKey().asText(), ReasonCode.PROCESSING_FAILED.name(), "$", "resolve: " + message,
                    StoreJson.write(change.fields()), page.run().workflowId(), page.run().runId(), page.page());
            store.inTransaction(c -> {
                store.quarantine().add(c, List.of(entry));
                return null;
            });
            telemetry.metrics().violated(flow, ReasonCode.PROCESSING_FAILED.name());
        }
        return new ResolvedPage(List.of(new RecordOutcome(change.key(), change.dedupKey().asText(), Decision.QUARANTINED, List.of(),
                ReasonCode.PROCESSING_FAILED + " at $: " + message)), List.of());
    }

    /** Two parts of one page's decisions as one, in order. */
    static ResolvedPage merged(ResolvedPage a, ResolvedPage b) {
        List<RecordOutcome> records = new ArrayList<>(a.records());
        records.addAll(b.records());
        Set<String> deliveries = new LinkedHashSet<>(a.deliveries());
        deliveries.addAll(b.deliveries());
        Set<String> repairs = new LinkedHashSet<>(a.repairs() == null ? List.of() : a.repairs());
        repairs.addAll(b.repairs() == null ? List.of() : b.repairs());
        Map<String, Long> wouldWrite = new java.util.TreeMap<>(a.wouldWrite() == null ? Map.of() : a.wouldWrite());
        (b.wouldWrite() == null ? Map.<String, Long>of() : b.wouldWrite()).forEach((k, v) -> wouldWrite.merge(k, v, Long::sum));
        Set<String> reviews = new LinkedHashSet<>(a.reviews() == null ? List.of() : a.reviews());
        reviews.addAll(b.reviews() == null ? List.of() : b.reviews());
        Map<String, dev.accord.core.review.ReviewTerms> terms = new LinkedHashMap<>(a.reviewTerms() == null ? Map.of() : a.reviewTerms());
        terms.putAll(b.reviewTerms() == null ? Map.of() : b.reviewTerms());
        return new ResolvedPage(records, new ArrayList<>(deliveries), new ArrayList<>(repairs), wouldWrite, new ArrayList<>(reviews), terms);
    }

    private ResolvedPage resolve(Connection connection, PageRef page, List<SourceChange> localChanges, boolean dryRun, boolean deliverAll)
            throws SQLException {
        FlowSpec flow = compiled.contract().flow(page.flow());
        String system = localChanges.get(0).system();
        Linker.Linked linked = linker.link(connection, page, flow, localChanges);
        if (!dryRun) {
            store.quarantine().add(connection, linked.entries());
            store.identityLinks().link(connection, linked.links(), "accord");
        }
        List<SourceChange> changes = linked.changes();
        if (changes.isEmpty()) {
            return new ResolvedPage(linked.quarantined(), List.of());
        }
        Resolver resolver = compiled.resolver(flow.domain());
        Set<String> keys = new LinkedHashSet<>();
        changes.forEach(c -> keys.add(c.key()));
        Map<String, GoldenRecords.Stored> loaded = store.golden().load(connection, flow.domain(), keys);
        Map<String, AppliedChanges.Entry> seen = store.applied().find(connection, changes.stream().map(c -> c.dedupKey().asText()).toList());
        Map<String, Map<String, JsonNode>> echoes = store.echoes().load(connection, system, flow.domain(), keys);

        PageWrites writes = new PageWrites(loaded, compiled.contract().domain(flow.domain()), store.clock());
        writes.outcomes.addAll(linked.quarantined());
        for (SourceChange change : changes) {
            AppliedChanges.Entry earlier = seen.get(change.dedupKey().asText());
            if (earlier != null && isSamePage(earlier, page)) {
                writes.outcomes.add(StoreJson.read(earlier.outcomeJson(), RecordOutcome.class));
                writes.retried.add(change.key());
                continue;
            }
            boolean duplicate = earlier != null || writes.processed.contains(change.dedupKey().asText());
            Resolution resolution = resolver.resolve(writes.current(change.key()), change, duplicate,
                    echoes.getOrDefault(change.key(), Map.of()));
            writes.add(page, flow, change, resolution, duplicate, history);
            if (deliverAll) {
                writes.deliverEverything(change.key(), compiled.contract().domain(flow.domain()).fields().keySet());
            }
        }
        // A source is repaired only where Accord can write it with compare-and-set: a version column, or an API's ETags.
        boolean repairable = compiled.contract().mapping(system, flow.domain()).versionColumn() != null
                || compiled.contract().system(system).kind() == dev.accord.core.contract.SystemKind.HTTP;
        if (!repairable) {
            writes.repairs.clear();
        }
        if (dryRun) {
            Map<String, Long> wouldWrite = new DryRunReport(compiled, store, connectors).plan(page, flow, deliveryTargets(system, flow.domain()), writes);
            return new ResolvedPage(writes.outcomes, List.of(), List.of(), wouldWrite);
        }
        writes.commit(connection, store, flow, page, deliveryTargets(system, flow.domain()), system);
        linker.index(connection, compiled.contract().domain(flow.domain()), writes.changedRecords());
        Set<String> deliveryKeys = new LinkedHashSet<>(writes.deliveries.keySet());
        deliveryKeys.addAll(writes.retried);
        return new ResolvedPage(writes.outcomes, new ArrayList<>(deliveryKeys), new ArrayList<>(writes.repairs.keySet()), Map.of(),
                new ArrayList<>(writes.reviews.keySet()), writes.reviewTerms());
    }

    /**
     * Where a change from {@code system} must go: the targets of every flow that reads the domain from that
     * system. (A target's own edit, brought in before Accord writes over it, travels along its own routes.)
     */
    private Set<String> deliveryTargets(String system, String domain) {
        Set<String> targets = new TreeSet<>();
        compiled.contract().flows().values().stream()
                .filter(f -> f.source().equals(system) && f.domain().equals(domain))
                .forEach(f -> targets.addAll(f.targets()));
        return targets;
    }

    private static boolean isSamePage(AppliedChanges.Entry earlier, PageRef page) {
        return earlier.runId().equals(page.run().runId()) && earlier.workflowId().equals(page.run().workflowId())
                && earlier.page() == page.page();
    }
}
