package dev.accord.engine;

import dev.accord.core.page.AppliedPage;
import dev.accord.core.page.PageRef;
import dev.accord.core.page.ResolvedPage;
import dev.accord.core.page.SourceRecord;
import dev.accord.core.page.ValidatedPage;
import java.util.ArrayList;
import java.util.List;

/**
 * The page pipeline, in one process: a page of source records through the {@link Boundary} (map, normalise,
 * validate, quarantine), the {@link Hub} (decide against the golden records, one store transaction), each target
 * and the repairs back to the source ({@link TargetApplier}: compare-and-set writes with the write-ahead change log).
 * Sync pages, backfill pages and quarantine replays all go through here. A retried page is as safe as the first
 * try: the hub returns the decisions it recorded for the page, and the writes settle by compare-and-set. A system
 * unavailable for now (open circuit, throttling) is not an error here: its delivery comes back held, with the keys
 * it still needs, for the workflow to retry on a durable timer.
 */
public final class PageFlow {

    private final Boundary boundary;
    private final Hub hub;
    private final TargetApplier applier;

    public PageFlow(Boundary boundary, Hub hub, TargetApplier applier) {
        this.boundary = boundary;
        this.hub = hub;
        this.applier = applier;
    }

    /** Where a page goes: its flow's source (for repairs) and targets, and how. */
    public record Route(String source, List<String> targets, boolean dryRun, boolean deliverAll) {}

    /**
     * What became of a page: the boundary's verdicts, the hub's decisions, and one delivery per system written to,
     * targets first, the source's repairs last ({@link AppliedPage#held()} when the system was unavailable).
     */
    public record Outcome(ValidatedPage validated, ResolvedPage resolved, List<Delivery> deliveries) {

        /** The keys a delivery to one system was for, and what it did. */
        public record Delivery(String system, List<String> keys, AppliedPage applied) {}
    }

    /**
     * @param progress called after each step and each write attempt, for heartbeats
     * @param isolating the page has failed again and again: records that keep failing a step alone are quarantined as
     *     PROCESSING_FAILED ({@link Isolation}) and the rest of the page goes on
     */
    public Outcome run(PageRef page, List<SourceRecord> records, Route route, Runnable progress, boolean isolating) {
        ValidatedPage validated = boundary.validate(page, records, route.dryRun(), isolating);
        ResolvedPage resolved = isolating ? hub.resolveIsolating(page, validated.changes(), route.dryRun(), route.deliverAll())
                : hub.resolve(page, validated.changes(), route.dryRun(), route.deliverAll());
        progress.run();
        List<Outcome.Delivery> deliveries = new ArrayList<>();
        if (!resolved.deliveries().isEmpty()) {
            for (String target : route.targets()) {
                deliveries.add(deliver(DeliveryOrder.of(page, target, resolved.deliveries(), route.dryRun()), progress, isolating));
            }
        }
        if (resolved.needsRepairs()) {
            deliveries.add(deliver(DeliveryOrder.of(page, route.source(), resolved.repairs(), route.dryRun()), progress, isolating));
        }
        return new Outcome(validated, resolved, deliveries);
    }

    private Outcome.Delivery deliver(DeliveryOrder order, Runnable progress, boolean isolating) {
        AppliedPage applied = Holds.holdingWhileUnavailable(() -> applier.apply(order, progress, isolating),
                unavailable -> new AppliedPage(order.target(), List.of(), true));
        return new Outcome.Delivery(order.target(), order.keys(), applied);
    }
}
