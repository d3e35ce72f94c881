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
        this.history = new HistoryEntries(context.contract());
    }

    public ResolvedPage resolve(PageRef page, List<SourceChange> changes, boolean dryRun) {
        return resolve(page, changes, dryRun, false);
    }

    /** @param deliverAll deliver every key of the page to the flow's targets, changed or not (backfills) */
    public ResolvedPage resolve(PageRef page, List<SourceChange> changes, boolean dryRun, boolean deliverAll) {
        if (changes.isEmpty()) {
            return new ResolvedPage(List.of(), List.of());
        }
        return context.store().inTransaction(connection -> resolve(connection, page, changes, dryRun, deliverAll));
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

        PageWrites writes = new PageWrites(loaded);
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
        boolean repairable = context.contract().mapping(system, flow.domain()).versionColumn() != null;
        if (!repairable) {
            writes.repairs.clear();
        }
        if (!dryRun) {
            writes.commit(connection, context, flow, page, deliveryTargets(system, flow.domain()), system);
        }
        Set<String> deliveryKeys = new LinkedHashSet<>(writes.deliveries.keySet());
        deliveryKeys.addAll(writes.retried);
        return new ResolvedPage(writes.outcomes, new ArrayList<>(deliveryKeys), new ArrayList<>(writes.repairs.keySet()));
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

    /** What a page changes, collected before one commit. */
    private static final class PageWrites {
        private final Map<String, GoldenRecords.Stored> loaded;
        private final Map<String, GoldenRecords.Stored> changed = new LinkedHashMap<>();
        private final List<RecordOutcome> outcomes = new ArrayList<>();
        private final List<AppliedChanges.Entry> applied = new ArrayList<>();
        private final List<FieldHistory.Entry> history = new ArrayList<>();
        private final Map<String, Set<String>> deliveries = new LinkedHashMap<>();
        private final Map<String, Set<String>> repairs = new LinkedHashMap<>();
        private final Set<String> processed = new LinkedHashSet<>();
        /** Keys of a retried page: their deliveries were enqueued by the first attempt and may still be pending. */
        private final Set<String> retried = new LinkedHashSet<>();

        PageWrites(Map<String, GoldenRecords.Stored> loaded) {
            this.loaded = loaded;
        }

        dev.accord.core.record.CanonicalRecord current(String key) {
            GoldenRecords.Stored stored = changed.getOrDefault(key, loaded.get(key));
            return stored.record();
        }

        void add(PageRef page, FlowSpec flow, SourceChange change, Resolution resolution, boolean duplicate, HistoryEntries entries) {
            RecordOutcome outcome = new RecordOutcome(change.key(), change.dedupKey().asText(), resolution.outcome(), resolution.fields(), null);
            outcomes.add(outcome);
            if (duplicate) {
                return;
            }
            processed.add(change.dedupKey().asText());
            history.addAll(entries.of(page, change, current(change.key()), resolution));
            boolean changesRecord = !resolution.changes().isEmpty();
            if (changesRecord) {
                changed.put(change.key(), new GoldenRecords.Stored(resolution.after(), loaded.get(change.key()).revision()));
            }
            applied.add(new AppliedChanges.Entry(change.dedupKey().asText(), flow.name(), page.run().workflowId(), page.run().runId(),
                    page.page(), resolution.outcome().spelling(), StoreJson.write(outcome),
                    changesRecord ? StoreJson.write(resolution.changes()) : null));
            if (resolution.changes().changesTargets()) {
                Set<String> fields = deliveries.computeIfAbsent(change.key(), k -> new TreeSet<>());
                resolution.changes().fields().stream().filter(FieldChange::changesValue).forEach(f -> fields.add(f.field()));
            }
            noteRepairs(change.key(), resolution);
        }

        void deliverEverything(String key, Set<String> fields) {
            deliveries.computeIfAbsent(key, k -> new TreeSet<>()).addAll(fields);
        }

        /** Fields the source holds wrongly (not its to write, or outdated) while the hub knows the right value. */
        private void noteRepairs(String key, Resolution resolution) {
            for (FieldDecision decision : resolution.fields()) {
                boolean wrong = decision.decision() == Decision.REJECTED_NOT_OWNER || decision.decision() == Decision.STALE;
                if (wrong && !FieldDecision.DELETE_FIELD.equals(decision.field()) && resolution.after().field(decision.field()) != null
                        && !resolution.after().deleted()) {
                    repairs.computeIfAbsent(key, k -> new TreeSet<>()).add(decision.field());
                }
            }
        }

        void commit(Connection connection, SyncContext context, FlowSpec flow, PageRef page, Set<String> targets, String source)
                throws SQLException {
            context.store().golden().save(connection, changed.values());
            context.store().applied().record(connection, applied);
            context.store().history().append(connection, history);
            for (String target : targets) {
                List<Deliveries.Delivery> pending = new ArrayList<>();
                deliveries.forEach((key, fields) -> pending.add(Deliveries.Delivery.of(target, flow.domain(), key,
                        new ArrayList<>(fields), flow.name(), page.run().runId(), page.page())));
                context.store().deliveries().enqueue(connection, pending);
            }
            List<Deliveries.Delivery> back = new ArrayList<>();
            repairs.forEach((key, fields) -> back.add(Deliveries.Delivery.of(source, flow.domain(), key, new ArrayList<>(fields),
                    flow.name(), page.run().runId(), page.page())));
            context.store().deliveries().enqueue(connection, back);
        }
    }
}
