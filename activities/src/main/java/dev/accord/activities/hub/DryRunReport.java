package dev.accord.activities.hub;

import dev.accord.activities.store.DryRunDiffs;
import dev.accord.activities.store.StoreJson;
import dev.accord.connectors.TargetRow;
import dev.accord.core.contract.FlowSpec;
import dev.accord.core.record.CanonicalRecord;
import dev.accord.workflows.activities.PageRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * For a dry run: plans, against each target's current rows, exactly the writes a real run would make
 * from the decided (uncommitted) golden records, counts them per target and operation, and keeps the first
 * {@value #SAMPLES_PER_PAGE} diffs of each page with the run. Reads targets, writes nothing to them.
 */
final class DryRunReport {

    static final int SAMPLES_PER_PAGE = 10;

    private final SyncContext context;

    DryRunReport(SyncContext context) {
        this.context = context;
    }

    /** @return counts named {@code <target>:would-<operation>} */
    Map<String, Long> plan(PageRef page, FlowSpec flow, Set<String> targets, PageWrites writes) {
        Map<String, Long> counts = new TreeMap<>();
        List<DryRunDiffs.Diff> samples = new ArrayList<>();
        for (String target : targets) {
            DeliveryPlanner planner = new DeliveryPlanner(context.mapper(target, flow.domain()), context.contract().domain(flow.domain()).key());
            Map<String, TargetRow> rows = context.connectors().target(target, flow.domain()).readByKeys(writes.deliveries.keySet());
            for (Map.Entry<String, Set<String>> delivery : writes.deliveries.entrySet()) {
                CanonicalRecord record = writes.current(delivery.getKey());
                PlannedDelivery plan = planner.plan(record, delivery.getValue(), rows.get(delivery.getKey()));
                String operation = plan.isUnchanged() ? "unchanged" : plan.operation();
                counts.merge(target + ":would-" + operation, 1L, Long::sum);
                if (!plan.isUnchanged() && samples.size() < SAMPLES_PER_PAGE) {
                    samples.add(new DryRunDiffs.Diff(page.run().runId(), page.page(), target, plan.key(), operation,
                            StoreJson.write(plan.before()), StoreJson.write(plan.after())));
                }
            }
        }
        context.store().inTransaction(c -> {
            context.store().dryRunDiffs().add(c, samples);
            return null;
        });
        return counts;
    }
}
