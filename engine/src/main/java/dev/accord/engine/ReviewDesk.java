package dev.accord.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accord.core.failure.InvalidRequestException;
import dev.accord.core.record.CanonicalRecord;
import dev.accord.core.record.FieldValue;
import dev.accord.core.record.FieldVersion;
import dev.accord.core.review.ReviewDecision;
import dev.accord.core.review.ReviewOutcome;
import dev.accord.engine.telemetry.Telemetry;
import dev.accord.store.AccordStore;
import dev.accord.store.Deliveries;
import dev.accord.store.FieldHistory;
import dev.accord.store.GoldenRecords;
import dev.accord.store.ReviewQueue;
import dev.accord.store.StoreJson;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies review decisions in the hub. Approve makes the proposal golden (with its own version), edit makes
 * the reviewer's value golden (version {@code review}), reject keeps the golden value and writes it back to
 * the proposing system. A review whose field changed while it waited is superseded: nothing is applied.
 * Idempotent: a closed review is never decided again. Everything goes to the field history.
 */
public final class ReviewDesk {

    private static final Logger LOG = LoggerFactory.getLogger(ReviewDesk.class);

    private final CompiledContract compiled;
    private final AccordStore store;
    private final Telemetry telemetry;

    public ReviewDesk(CompiledContract compiled, AccordStore store, Telemetry telemetry) {
        this.compiled = compiled;
        this.store = store;
        this.telemetry = telemetry;
    }

    /** @param workflowId the workflow that carries the review, recorded in the field history */
    public ReviewOutcome decide(ReviewDecision decision, String workflowId) {
        return store.inTransaction(c -> {
            ReviewQueue.Review review = store.reviews().find(c, decision.reviewId()).orElseThrow(() ->
                    new InvalidRequestException("no review " + decision.reviewId() + "; see `accord review list`"));
            if (!ReviewQueue.PENDING.equals(review.status())) {
                return new ReviewOutcome(review.id(), review.status(), review.flow(), review.key(), List.of());
            }
            GoldenRecords.Stored stored = store.golden().load(c, review.domain(), List.of(review.key())).get(review.key());
            FieldValue held = stored.record().field(review.field());
            if (!Objects.equals(StoreJson.write(held == null ? null : held.version()), review.currentVersionJson())) {
                return close(c, review, decision, workflowId, "superseded", held, null, List.of());
            }
            FieldVersion proposedBy = StoreJson.read(review.proposedVersionJson(), FieldVersion.class);
            return switch (decision.action()) {
                case "approve" -> apply(c, review, decision, workflowId, stored, held, new FieldValue(StoreJson.tree(review.proposedJson()), proposedBy),
                        "approved");
                case "edit" -> apply(c, review, decision, workflowId, stored, held, new FieldValue(StoreJson.tree(decision.value()), reviewVersion()),
                        "edited");
                case "reject" -> close(c, review, decision, workflowId, "rejected", held, null, repairTargets(review, proposedBy.system()));
                default -> throw new InvalidRequestException("a review is approved, rejected or edited, not '" + decision.action() + "'");
            };
        });
    }

    /** Logs and counts a review whose deadline passed undecided; the workflow then applies its default. */
    public void escalate(String reviewId) {
        var review = store.inTransaction(c -> store.reviews().find(c, reviewId));
        if (review.isEmpty() || !ReviewQueue.PENDING.equals(review.get().status())) {
            LOG.info("review {} passed its deadline but is no longer pending; nothing to escalate", reviewId);
            return;
        }
        ReviewQueue.Review pending = review.get();
        LOG.warn("review {} of {} passed its deadline without a decision (escalation); applying the contract's default '{}'",
                reviewId, pending.flow(), pending.defaultAction());
        telemetry.metrics().escalated(pending.flow(), pending.domain(), pending.field());
    }

    private ReviewOutcome apply(Connection c, ReviewQueue.Review review, ReviewDecision decision, String workflowId, GoldenRecords.Stored stored,
                                FieldValue held, FieldValue chosen, String status) throws SQLException {
        Map<String, FieldValue> fields = new HashMap<>(stored.record().fields());
        fields.put(review.field(), chosen);
        CanonicalRecord after = new CanonicalRecord(review.domain(), review.key(), fields, stored.record().tombstone(),
                stored.record().deleted());
        store.golden().save(c, List.of(new GoldenRecords.Stored(after, stored.revision())));
        List<String> targets = deliveryTargets(review);
        enqueue(c, review, targets);
        return close(c, review, decision, workflowId, status, held, chosen, targets);
    }

    private ReviewOutcome close(Connection c, ReviewQueue.Review review, ReviewDecision decision, String workflowId, String status, FieldValue held,
                                FieldValue chosen, List<String> deliverTo) throws SQLException {
        if ("rejected".equals(status)) {
            enqueue(c, review, deliverTo);
        }
        store.reviews().close(c, review.id(), status, decision.by(), decision.note());
        store.history().append(c, List.of(history(review, decision, workflowId, status, held, chosen)));
        return new ReviewOutcome(review.id(), status, review.flow(), review.key(), deliverTo);
    }

    private FieldHistory.Entry history(ReviewQueue.Review review, ReviewDecision decision, String workflowId, String status, FieldValue held,
                                       FieldValue chosen) {
        FieldVersion proposed = StoreJson.read(review.proposedVersionJson(), FieldVersion.class);
        JsonNode newValue = chosen != null ? chosen.value() : StoreJson.tree(review.proposedJson());
        return FieldHistory.Entry.builder().domain(review.domain()).key(review.key()).field(review.field())
                .decision("review-" + status)
                .reason(status + " by " + decision.by() + (decision.note() == null ? "" : ": " + decision.note()))
                .oldValue(held == null ? null : StoreJson.write(held.value()))
                .newValue(StoreJson.write(newValue))
                .oldVersionJson(held == null ? null : StoreJson.write(held.version()))
                .newVersionJson(StoreJson.write(chosen != null ? chosen.version() : proposed))
                .sourceSystem(chosen != null ? chosen.version().system() : proposed.system())
                .sourceVersion(proposed.sourceVersion()).sourceTime(proposed.timestamp())
                .flow(review.flow()).workflowId(workflowId).runId(review.runId())
                .executionRunId(review.runId()).contractHash(compiled.contract().hash())
                .contractVersion(compiled.contract().version())
                .schemaVersion(compiled.contract().domain(review.domain()).schema().version())
                .build();
    }

    private void enqueue(Connection c, ReviewQueue.Review review, List<String> targets) throws SQLException {
        for (String target : targets) {
            store.deliveries().enqueue(c, List.of(Deliveries.Delivery.of(target, review.domain(), review.key(),
                    List.of(review.field()), review.flow(), review.runId(), 0)));
        }
    }

    /** Every system that stores the field (with a version column) and is a flow target in the domain, and the proposer. */
    private List<String> deliveryTargets(ReviewQueue.Review review) {
        TreeSet<String> targets = new TreeSet<>();
        compiled.contract().flows().values().stream().filter(f -> f.domain().equals(review.domain()))
                .forEach(f -> targets.addAll(f.targets()));
        targets.add(StoreJson.read(review.proposedVersionJson(), FieldVersion.class).system());
        targets.removeIf(t -> !compiled.contract().mapping(t, review.domain()).maps(review.field())
                || compiled.contract().mapping(t, review.domain()).versionColumn() == null);
        return new ArrayList<>(targets);
    }

    private List<String> repairTargets(ReviewQueue.Review review, String proposer) {
        return compiled.contract().mapping(proposer, review.domain()).versionColumn() == null ? List.of() : List.of(proposer);
    }

    private FieldVersion reviewVersion() {
        Instant now = store.clock().instant();
        return new FieldVersion("review", ChronoUnit.MICROS.between(Instant.EPOCH, now), now);
    }
}
