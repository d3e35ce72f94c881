package dev.accord.workflows.sync;

import dev.accord.core.page.AppliedPage;
import dev.accord.core.page.RecordOutcome;
import dev.accord.core.page.ResolvedPage;
import dev.accord.core.page.TargetOutcome;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Counts per decision and per target outcome, in a stable order (workflow code must be deterministic). */
public final class Tally {

    private final Map<String, Long> counts = new TreeMap<>();

    public Tally(Map<String, Long> carried) {
        if (carried != null) {
            counts.putAll(carried);
        }
    }

    public void records(List<RecordOutcome> outcomes) {
        outcomes.forEach(o -> add(o.decision().spelling(), 1));
    }

    /** A page's decisions: the records quarantined at the boundary, the hub's, and in a dry run the writes it would make. */
    public void decided(List<RecordOutcome> quarantined, ResolvedPage resolved) {
        records(quarantined);
        records(resolved.records());
        if (resolved.wouldWrite() != null) {
            resolved.wouldWrite().forEach(this::add);
        }
    }

    public void target(AppliedPage page) {
        for (TargetOutcome outcome : page.records()) {
            add(page.target() + ":" + outcome.status().name().toLowerCase(Locale.ROOT).replace('_', '-'), 1);
        }
    }

    public void add(String name, long amount) {
        counts.merge(name, amount, Long::sum);
    }

    public Map<String, Long> snapshot() {
        return new TreeMap<>(counts);
    }
}
