package dev.accord.activities.hub;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accord.activities.store.Deliveries;
import dev.accord.activities.store.FieldHistory;
import dev.accord.activities.store.GoldenRecords;
import dev.accord.activities.store.ReviewQueue;
import dev.accord.activities.store.StoreJson;
import dev.accord.core.record.CanonicalRecord;
import dev.accord.core.record.FieldValue;
import dev.accord.core.record.FieldVersion;
import dev.accord.workflows.activities.ReviewDecision;
import dev.accord.workflows.activities.ReviewOutcome;
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

    private final SyncContext context;

    public ReviewDesk(SyncContext context) {
        this.context = context;
    }

    public ReviewOutcome decide(ReviewDecision decision) {
        return context.store().inTransaction(c -> {
            ReviewQueue.Review review = context.store().reviews().find(c, decision.reviewId()).orElseThrow(() ->
                    new IllegalArgumentException("no review " + decision.reviewId() + "; see `accord review list`"));
            if (!ReviewQueue.PENDING.equals(review.status())) {
                return new ReviewOutcome(review.id(), review.status(), review.flow(), review.key(), List.of());
            }
            GoldenRecords.Stored stored = context.store().golden().load(c, review.domain(), List.of(review.key())).get(review.key());
            FieldValue held = stored.record().field(review.field());
            if (!Objects.equals(StoreJson.write(held == null ? null : held.version()), review.currentVersionJson())) {
                return close(c, review, decision, "superseded", held, null, List.of());
            }
            FieldVersion proposedBy = StoreJson.read(review.proposedVersionJson(), FieldVersion.class);
            return switch (decision.action()) {
                case "approve" -> apply(c, review, decision, stored, held, new FieldValue(StoreJson.tree(review.proposedJson()), proposedBy),
                        "approved");
                case "edit" -> apply(c, review, decision, stored, held, new FieldValue(StoreJson.tree(decision.value()), reviewVersion()),
                        "edited");
                case "reject" -> close(c, review, decision, "rejected", held, null, repairTargets(review, proposedBy.system()));
                default -> throw new IllegalArgumentException("a review is approved, rejected or edited, not '" + decision.action() + "'");
            };
        });
    }

    /** Logs and counts a review whose deadline passed undecided; the workflow then applies its default. */
    public void escalate(String reviewId) {
        var review = context.store().inTransaction(c -> context.store().reviews().find(c, reviewId));
        if (review.isEmpty() || !ReviewQueue.PENDING.equals(review.get().status())) {
            LOG.info("review {} passed its deadline but is no longer pending; nothing to escalate", reviewId);
            return;
        }
        ReviewQueue.Review pending = review.get();
        LOG.warn("review {} of {} passed its deadline without a decision (escalation); applying the contract's default '{}'",
                reviewId, pending.flow(), pending.defaultAction());
        context.telemetry().metrics().escalated(pending.flow(), pending.domain(), pending.field());
    }

    private ReviewOutcome apply(Connection c, ReviewQueue.Review review, ReviewDecision decision, GoldenRecords.Stored stored,
                                FieldValue held, FieldValue chosen, String status) throws SQLException {
        Map<String, FieldValue> fields = new HashMap<>(stored.record().fields());
        fields.put(review.field(), chosen);
        CanonicalRecord after = new CanonicalRecord(review.domain(), review.key(), fields, stored.record().tombstone(),
                stored.record().deleted());
        context.store().golden().save(c, List.of(new GoldenRecords.Stored(after, stored.revision())));
        List<String> targets = deliveryTargets(review);
        enqueue(c, review, targets);
        return close(c, review, decision, status, held, chosen, targets);
    }

    private ReviewOutcome close(Connection c, ReviewQueue.Review review, ReviewDecision decision, String status, FieldValue held,
                                FieldValue chosen, List<String> deliverTo) throws SQLException {
        if ("rejected".equals(status)) {
            enqueue(c, review, deliverTo);
        }
        context.store().reviews().close(c, review.id(), status, decision.by(), decision.note());
        context.store().history().append(c, List.of(history(review, decision, status, held, chosen)));
        return new ReviewOutcome(review.id(), status, review.flow(), review.key(), deliverTo);
    }

    private FieldHistory.Entry history(ReviewQueue.Review review, ReviewDecision decision, String status, FieldValue held,
                                       FieldValue chosen) {
        FieldVersion proposed = StoreJson.read(review.proposedVersionJson(), FieldVersion.class);
        JsonNode newValue = chosen != null ? chosen.value() : StoreJson.tree(review.proposedJson());
        return new FieldHistory.Entry(0, review.domain(), review.key(), review.field(), "review-" + status,
                status + " by " + decision.by() + (decision.note() == null ? "" : ": " + decision.note()),
                held == null ? null : StoreJson.write(held.value()), StoreJson.write(newValue),
                held == null ? null : StoreJson.write(held.version()), StoreJson.write(chosen != null ? chosen.version() : proposed),
                chosen != null ? chosen.version().system() : proposed.system(), proposed.sourceVersion(), proposed.timestamp(),
                review.flow(), "review/" + review.id(), review.runId(), review.runId(), 0, context.contract().hash(),
                context.contract().version(), context.contract().domain(review.domain()).schema().version(), null, null);
    }

    private void enqueue(Connection c, ReviewQueue.Review review, List<String> targets) throws SQLException {
        for (String target : targets) {
            context.store().deliveries().enqueue(c, List.of(Deliveries.Delivery.of(target, review.domain(), review.key(),
                    List.of(review.field()), review.flow(), review.runId(), 0)));
        }
    }

    /** Every system that stores the field (with a version column) and is a flow target in the domain, and the proposer. */
    private List<String> deliveryTargets(ReviewQueue.Review review) {
        TreeSet<String> targets = new TreeSet<>();
        context.contract().flows().values().stream().filter(f -> f.domain().equals(review.domain()))
                .forEach(f -> targets.addAll(f.targets()));
        targets.add(StoreJson.read(review.proposedVersionJson(), FieldVersion.class).system());
        targets.removeIf(t -> !context.contract().mapping(t, review.domain()).maps(review.field())
                || context.contract().mapping(t, review.domain()).versionColumn() == null);
        return new ArrayList<>(targets);
    }

    private List<String> repairTargets(ReviewQueue.Review review, String proposer) {
        return context.contract().mapping(proposer, review.domain()).versionColumn() == null ? List.of() : List.of(proposer);
    }

    private static FieldVersion reviewVersion() {
        Instant now = Instant.now();
        return new FieldVersion("review", ChronoUnit.MICROS.between(Instant.EPOCH, now), now);
    }
}
