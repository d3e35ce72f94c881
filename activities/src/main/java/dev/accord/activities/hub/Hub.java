package dev.accord.activities.hub;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accord.activities.store.AppliedChanges;
import dev.accord.activities.store.Deliveries;
import dev.accord.activities.store.FieldHistory;
import dev.accord.activities.store.GoldenRecords;
import dev.accord.activities.store.StoreJson;
import dev.accord.core.change.FieldChange;
import dev.accord.core.contract.FlowSpec;
import dev.accord.core.record.SourceChange;
import dev.accord.core.resolve.Decision;
import dev.accord.core.resolve.FieldDecision;
import dev.accord.core.resolve.Resolution;
import dev.accord.core.resolve.Resolver;
import dev.accord.workflows.activities.PageRef;
import dev.accord.workflows.activities.RecordOutcome;
import dev.accord.workflows.activities.ResolvedPage;
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

    private final SyncContext context;
    private final HistoryEntries history;

    public Hub(SyncContext context) {
        this.context = context;
        this.history = new HistoryEntries(context.contract(), context.telemetry().traces());
    }

    public ResolvedPage resolve(PageRef page, List<SourceChange> changes, boolean dryRun) {
        return resolve(page, changes, dryRun, false);
    }

    /** @param deliverAll deliver every key of the page to the flow's targets, changed or not (backfills) */
    public ResolvedPage resolve(PageRef page, List<SourceChange> changes, boolean dryRun, boolean deliverAll) {
        if (changes.isEmpty()) {
            return new ResolvedPage(List.of(), List.of());
        }
        ResolvedPage resolved = context.store().inTransaction(connection -> resolve(connection, page, changes, dryRun, deliverAll));
        FlowSpec flow = context.contract().flow(page.flow());
        if (!dryRun && flow.source().equals(changes.get(0).system())) {
            context.telemetry().metrics().decided(flow, resolved.records());
        }
        return resolved;
    }

    private ResolvedPage resolve(Connection connection, PageRef page, List<SourceChange> changes, boolean dryRun, boolean deliverAll)
            throws SQLException {
        FlowSpec flow = context.contract().flow(page.flow());
        String system = changes.get(0).system();
        Resolver resolver = context.resolver(flow.domain());
        Set<String> keys = new LinkedHashSet<>();
        changes.forEach(c -> keys.add(c.key()));
        Map<String, GoldenRecords.Stored> loaded = context.store().golden().load(connection, flow.domain(), keys);
        Map<String, AppliedChanges.Entry> seen = context.store().applied().find(connection, changes.stream().map(c -> c.dedupKey().asText()).toList());
        Map<String, Map<String, JsonNode>> echoes = context.store().echoes().load(connection, system, flow.domain(), keys);

        PageWrites writes = new PageWrites(loaded, context.contract().domain(flow.domain()));
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
                writes.deliverEverything(change.key(), context.contract().domain(flow.domain()).fields().keySet());
            }
        }
        // A source is repaired only where Accord can write it with compare-and-set: a version column, or an API's ETags.
        boolean repairable = context.contract().mapping(system, flow.domain()).versionColumn() != null
                || context.contract().system(system).kind() == dev.accord.core.contract.SystemKind.HTTP;
        if (!repairable) {
            writes.repairs.clear();
        }
        if (dryRun) {
            Map<String, Long> wouldWrite = new DryRunReport(context).plan(page, flow, deliveryTargets(system, flow.domain()), writes);
            return new ResolvedPage(writes.outcomes, List.of(), List.of(), wouldWrite);
        }
        writes.commit(connection, context, flow, page, deliveryTargets(system, flow.domain()), system);
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
        context.contract().flows().values().stream()
                .filter(f -> f.source().equals(system) && f.domain().equals(domain))
                .forEach(f -> targets.addAll(f.targets()));
        return targets;
    }

    private static boolean isSamePage(AppliedChanges.Entry earlier, PageRef page) {
        return earlier.runId().equals(page.run().runId()) && earlier.workflowId().equals(page.run().workflowId())
                && earlier.page() == page.page();
    }
}
