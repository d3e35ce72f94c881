package dev.accord.worker.observability;

import dev.accord.connectors.SourceCursor;
import dev.accord.core.contract.Contract;
import dev.accord.core.contract.FlowSpec;
import dev.accord.engine.FreshnessVerdict;
import dev.accord.store.AccordStore;
import dev.accord.store.Backlogs;
import dev.accord.store.Checkpoints;
import dev.accord.store.DataQuality;
import dev.accord.store.FreshnessChecks;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Gauges read from the Accord store, so every worker reports the same values whichever of them did the work:
 * freshness and lag per flow, the SLA and whether the last check found it breached, quarantine entries (all and open) per reason,
 * refusals of superseded activity attempts,
 * review backlog, the kill switch, and data quality per domain. {@link #refresh()} and {@link #refreshQuality()}
 * are called on a schedule (see {@link ObservabilityProperties}).
 */
public final class StoreGauges {

    private final Contract contract;
    private final AccordStore store;
    private final MultiGauge freshness;
    private final MultiGauge sla;
    private final MultiGauge breached;
    private final MultiGauge lag;
    private final MultiGauge quarantine;
    private final MultiGauge quarantineOpen;
    private final MultiGauge reviews;
    private final MultiGauge oldestReview;
    private final MultiGauge killSwitch;
    private final MultiGauge completeness;
    private final MultiGauge fieldCompleteness;
    private final MultiGauge uniqueness;
    private final MultiGauge integrity;
    private final MultiGauge records;
    private final MultiGauge fenced;

    public StoreGauges(Contract contract, AccordStore store, MeterRegistry registry) {
        this.contract = contract;
        this.store = store;
        freshness = gauge(registry, "accord.freshness", "seconds", "Age of the newest source change the flow applied");
        sla = gauge(registry, "accord.freshness.sla", "seconds", "The flow's freshness SLA from the contract");
        breached = gauge(registry, "accord.freshness.breached", null, "1 when the flow's last freshness check found its SLA breached");
        lag = gauge(registry, "accord.lag", "seconds", "Source head minus checkpoint (timestamp cursors)");
        quarantine = gauge(registry, "accord.quarantine.records", null, "Quarantine entries in any state, by reason code");
        quarantineOpen = gauge(registry, "accord.quarantine.open", null,
                "Quarantine entries still open (neither replayed nor discarded), by reason code");
        reviews = gauge(registry, "accord.review.backlog", null, "Field changes waiting for a human decision");
        oldestReview = gauge(registry, "accord.review.oldest", "seconds", "Age of the oldest pending review");
        killSwitch = gauge(registry, "accord.killswitch.engaged", null, "1 while the global kill switch holds all writes");
        completeness = gauge(registry, "accord.quality.completeness", "ratio", "Live golden records holding every required field");
        fieldCompleteness = gauge(registry, "accord.quality.field.completeness", "ratio", "Live golden records holding a required field");
        uniqueness = gauge(registry, "accord.quality.uniqueness", "ratio", "Keys distinct without case and blanks, per golden record");
        integrity = gauge(registry, "accord.quality.integrity", "ratio", "Reference values naming a live record of the referenced domain");
        records = gauge(registry, "accord.quality.records", null, "Live golden records");
        fenced = gauge(registry, "accord.fenced.attempts", null,
                "Store transactions and system writes refused to superseded activity attempts (stalled workers that woke late)");
    }

    private static MultiGauge gauge(MeterRegistry registry, String name, String unit, String description) {
        return MultiGauge.builder(name).baseUnit(unit).description(description).register(registry);
    }

    /** Freshness, lag, SLA, quarantine, reviews and the kill switch. */
    public void refresh() {
        Instant now = Instant.now();
        store.inTransaction(c -> {
            List<MultiGauge.Row<?>> fresh = new ArrayList<>();
            List<MultiGauge.Row<?>> slas = new ArrayList<>();
            List<MultiGauge.Row<?>> breaches = new ArrayList<>();
            List<MultiGauge.Row<?>> lags = new ArrayList<>();
            for (FlowSpec flow : contract.flows().values()) {
                Tags tags = Tags.of("flow", flow.name(), "system", flow.source(), "domain", flow.domain());
                Optional<Instant> newest = store.freshness().newestApplied(c, flow.name());
                newest.ifPresent(t -> fresh.add(MultiGauge.Row.of(tags, Math.max(0, now.getEpochSecond() - t.getEpochSecond()))));
                Optional<FreshnessChecks.Check> check = store.freshness().latest(c, flow.name());
                if (flow.freshnessSla() != null) {
                    slas.add(MultiGauge.Row.of(Tags.of("flow", flow.name()), flow.freshnessSla().toSeconds()));
                    breaches.add(MultiGauge.Row.of(Tags.of("flow", flow.name()), check.map(FreshnessChecks.Check::breached).orElse(false) ? 1 : 0));
                }
                lag(check, store.checkpoints().load(c, flow.name())).ifPresent(seconds -> lags.add(MultiGauge.Row.of(tags, seconds)));
            }
            freshness.register(fresh, true);
            sla.register(slas, true);
            breached.register(breaches, true);
            lag.register(lags, true);
            quarantine(store.backlogs().quarantine(c));
            reviews(store.backlogs().reviews(c));
            killSwitch.register(List.of(MultiGauge.Row.of(Tags.empty(), store.killSwitch().state(c).engaged() ? 1 : 0)), true);
            fenced.register(List.of(MultiGauge.Row.of(Tags.empty(), store.leases().refusals(c, Instant.EPOCH))), true);
            return null;
        });
    }

    /** All and open entries per reason; a reason whose entries were all replayed or discarded reports 0 open. */
    private void quarantine(List<Backlogs.Quarantined> backlog) {
        List<MultiGauge.Row<?>> all = new ArrayList<>();
        List<MultiGauge.Row<?>> open = new ArrayList<>();
        for (Backlogs.Quarantined q : backlog) {
            Tags tags = Tags.of("flow", q.flow(), "system", q.system(), "domain", q.domain(), "reason", q.reasonCode());
            all.add(MultiGauge.Row.of(tags, q.count()));
            open.add(MultiGauge.Row.of(tags, q.open()));
        }
        quarantine.register(all, true);
        quarantineOpen.register(open, true);
    }

    /** Pending reviews per flow and domain, 0 for every flow without any, so the backlog is always there to alert on. */
    private void reviews(List<Backlogs.PendingReviews> pending) {
        Map<Tags, Backlogs.PendingReviews> byFlow = new LinkedHashMap<>();
        contract.flows().values().forEach(f -> byFlow.put(Tags.of("flow", f.name(), "domain", f.domain()),
                new Backlogs.PendingReviews(f.name(), f.domain(), 0, 0)));
        pending.forEach(r -> byFlow.put(Tags.of("flow", r.flow(), "domain", r.domain()), r));
        reviews.register(byFlow.entrySet().stream().map(e -> MultiGauge.Row.of(e.getKey(), e.getValue().count())).toList(), true);
        oldestReview.register(byFlow.entrySet().stream().map(e -> MultiGauge.Row.of(e.getKey(), e.getValue().oldestAgeSeconds())).toList(),
                true);
    }

    /** Data quality of every domain: reads all live golden records. */
    public void refreshQuality() {
        List<DataQuality> measured = store.inTransaction(c -> {
            List<DataQuality> all = new ArrayList<>();
            for (var domain : contract.domains().values()) {
                all.add(DataQuality.measure(c, domain));
            }
            return all;
        });
        completeness.register(measured.stream().map(q -> MultiGauge.Row.of(Tags.of("domain", q.domain()), q.completeness())).toList(), true);
        uniqueness.register(measured.stream().map(q -> MultiGauge.Row.of(Tags.of("domain", q.domain()), q.uniqueness())).toList(), true);
        integrity.register(measured.stream().map(q -> MultiGauge.Row.of(Tags.of("domain", q.domain()), q.integrity())).toList(), true);
        records.register(measured.stream().map(q -> MultiGauge.Row.of(Tags.of("domain", q.domain()), q.records())).toList(), true);
        fieldCompleteness.register(measured.stream().flatMap(q -> q.fieldCompleteness().entrySet().stream()
                .map(f -> MultiGauge.Row.of(Tags.of("domain", q.domain(), "field", f.getKey()), f.getValue()))).toList(), true);
    }

    /**
     * Lag from whichever saw the source head last: the newest freshness check, or the checkpoint (which keeps
     * the head seen with the last page). Empty for sequence cursors and flows that never ran.
     */
    private static Optional<Long> lag(Optional<FreshnessChecks.Check> check, Optional<Checkpoints.Checkpoint> checkpoint) {
        SourceCursor head;
        SourceCursor at;
        if (check.isPresent() && (checkpoint.isEmpty() || !check.get().checkedAt().isBefore(checkpoint.get().updatedAt()))) {
            head = new SourceCursor(check.get().headPosition(), check.get().headKey());
            at = new SourceCursor(check.get().checkpointPosition(), check.get().checkpointKey());
        } else if (checkpoint.isPresent()) {
            head = new SourceCursor(checkpoint.get().headPosition(), checkpoint.get().headKey());
            at = new SourceCursor(checkpoint.get().position(), checkpoint.get().key());
        } else {
            return Optional.empty();
        }
        return Optional.ofNullable(FreshnessVerdict.of(null, head, at, null, Instant.now()).lagSeconds());
    }
}
