package dev.accord.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accord.core.change.FieldChange;
import dev.accord.core.contract.DomainSpec;
import dev.accord.core.contract.FlowSpec;
import dev.accord.core.contract.ReviewRule;
import dev.accord.core.page.PageRef;
import dev.accord.core.page.RecordOutcome;
import dev.accord.core.record.CanonicalRecord;
import dev.accord.core.record.SourceChange;
import dev.accord.core.resolve.Decision;
import dev.accord.core.resolve.FieldDecision;
import dev.accord.core.resolve.Resolution;
import dev.accord.core.review.ReviewTerms;
import dev.accord.store.AccordStore;
import dev.accord.store.AppliedChanges;
import dev.accord.store.Deliveries;
import dev.accord.store.FieldHistory;
import dev.accord.store.GoldenRecords;
import dev.accord.store.ReviewQueue;
import dev.accord.store.StoreJson;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one page changes in the hub, collected while deciding and committed in one transaction: golden
 * records, dedup keys with their decisions, field history, deliveries to targets and repairs to the source.
 */
final class PageWrites {

    private final Clock clock;

    private final Map<String, GoldenRecords.Stored> loaded;
    private final Map<String, GoldenRecords.Stored> changed = new LinkedHashMap<>();
    final List<RecordOutcome> outcomes = new ArrayList<>();
    private final List<AppliedChanges.Entry> applied = new ArrayList<>();
    private final List<FieldHistory.Entry> history = new ArrayList<>();
    final Map<String, Set<String>> deliveries = new LinkedHashMap<>();
    final Map<String, Set<String>> repairs = new LinkedHashMap<>();
    final Set<String> processed = new LinkedHashSet<>();
    /** Keys of a retried page: their deliveries were enqueued by the first attempt and may still be pending. */
    final Set<String> retried = new LinkedHashSet<>();
    /** Field changes parked for review, by review id. */
    final Map<String, ReviewQueue.Review> reviews = new LinkedHashMap<>();
    /** What the source now holds, per key: remembered, so a field it did not change is not taken for a new assertion. */
    private final Map<String, Map<String, JsonNode>> sourceHolds = new LinkedHashMap<>();

    private final DomainSpec domain;

    PageWrites(Map<String, GoldenRecords.Stored> loaded, DomainSpec domain, Clock clock) {
        this.clock = clock;
        this.loaded = loaded;
        this.domain = domain;
    }

    /** The contract's deadline and default for each parked review. */
    Map<String, ReviewTerms> reviewTerms() {
        Map<String, ReviewTerms> terms = new LinkedHashMap<>();
        reviews.forEach((id, review) -> {
            ReviewRule rule = domain.fields().get(review.field()).review();
            terms.put(id, new ReviewTerms(rule.deadline().toSeconds(), rule.defaultAction()));
        });
        return terms;
    }

    /** The golden records this page changed, as they are now. */
    List<CanonicalRecord> changedRecords() {
        return changed.values().stream().map(GoldenRecords.Stored::record).toList();
    }

    CanonicalRecord current(String key) {
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
        if (!change.delete()) {
            sourceHolds.computeIfAbsent(change.key(), k -> new LinkedHashMap<>()).putAll(change.fields());
        }
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
        noteReviews(page, flow, change, resolution);
    }

    private void noteReviews(PageRef page, FlowSpec flow, SourceChange change, Resolution resolution) {
        for (FieldDecision decision : resolution.fields()) {
            if (decision.decision() == Decision.NEEDS_REVIEW) {
                String id = ReviewQueue.idOf(change.domain(), change.key(), decision.field());
                ReviewRule rule = domain.fields().get(decision.field()).review();
                var held = resolution.after().field(decision.field());
                reviews.put(id, ReviewQueue.Review.builder().id(id).domain(change.domain()).key(change.key())
                        .field(decision.field())
                        .proposedJson(StoreJson.write(change.fields().get(decision.field())))
                        .proposedVersionJson(StoreJson.write(decision.incoming()))
                        .currentJson(held == null ? null : StoreJson.write(held.value()))
                        .currentVersionJson(StoreJson.write(decision.current()))
                        .reason(decision.reason()).flow(flow.name()).runId(page.run().runId())
                        .status(ReviewQueue.PENDING).defaultAction(rule.defaultAction())
                        .deadline(clock.instant().plus(rule.deadline())).build());
            }
        }
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

    void commit(Connection connection, AccordStore store, FlowSpec flow, PageRef page, Set<String> targets, String source)
            throws SQLException {
        store.golden().save(connection, changed.values());
        store.applied().record(connection, applied);
        store.history().append(connection, history);
        for (String target : targets) {
            List<Deliveries.Delivery> pending = new ArrayList<>();
            deliveries.forEach((key, fields) -> pending.add(Deliveries.Delivery.of(target, flow.domain(), key,
                    new ArrayList<>(fields), flow.name(), page.run().runId(), page.page())));
            store.deliveries().enqueue(connection, pending);
        }
        List<Deliveries.Delivery> back = new ArrayList<>();
        repairs.forEach((key, fields) -> back.add(Deliveries.Delivery.of(source, flow.domain(), key, new ArrayList<>(fields),
                flow.name(), page.run().runId(), page.page())));
        store.deliveries().enqueue(connection, back);
        store.echoes().remember(connection, source, flow.domain(), sourceHolds);
        store.reviews().park(connection, reviews.values());
    }
}
