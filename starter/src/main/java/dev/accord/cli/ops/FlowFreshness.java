package dev.accord.cli.ops;

import dev.accord.store.AccordStore;
import dev.accord.store.FreshnessChecks;
import dev.accord.core.contract.FlowSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One flow's line of {@code accord sla status}, and its element in {@code -o json} (docs/cli.md). Durations are whole
 * seconds, times ISO-8601 UTC; what was never measured is null.
 *
 * @param freshnessSeconds age of the newest source change the flow applied, now; null: it never applied one
 * @param behind whether the last freshness check found the flow behind its source; null: never checked
 * @param breached whether the last check found the SLA breached; null: never checked
 * @param breaches breaches recorded in the window asked for ({@code --since})
 * @param catchUpWorkflowId the newest catch-up sync a breach in the window started, null if none
 */
record FlowFreshness(String flow, long slaSeconds, Long freshnessSeconds, Boolean behind, Boolean breached, String lastCheckAt,
                     long breaches, String catchUpWorkflowId, String catchUpAt) {

    /** Reads the flow's freshness and checks from the store, as of {@code now}, with breaches since {@code from}. */
    static FlowFreshness read(AccordStore accord, FlowSpec flow, Instant now, Instant from) {
        return accord.inTransaction(c -> {
            Optional<Instant> newest = accord.freshness().newestApplied(c, flow.name());
            Optional<FreshnessChecks.Check> last = accord.freshness().latest(c, flow.name());
            List<FreshnessChecks.Check> recent = accord.freshness().since(c, flow.name(), from);
            Optional<FreshnessChecks.Check> catchUp = recent.stream().filter(r -> r.catchUpWorkflowId() != null).findFirst();
            return new FlowFreshness(flow.name(), flow.freshnessSla().toSeconds(),
                    newest.map(t -> Math.max(0, Duration.between(t, now).toSeconds())).orElse(null),
                    last.map(FreshnessChecks.Check::behind).orElse(null), last.map(FreshnessChecks.Check::breached).orElse(null),
                    last.map(l -> l.checkedAt().toString()).orElse(null),
                    recent.stream().filter(FreshnessChecks.Check::breached).count(),
                    catchUp.map(FreshnessChecks.Check::catchUpWorkflowId).orElse(null),
                    catchUp.map(r -> r.checkedAt().toString()).orElse(null));
        });
    }
}
