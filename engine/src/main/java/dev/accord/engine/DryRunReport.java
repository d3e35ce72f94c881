package dev.accord.engine;

import dev.accord.connectors.ConnectorFactory;
import dev.accord.connectors.TargetRow;
import dev.accord.core.contract.FlowSpec;
import dev.accord.core.page.PageRef;
import dev.accord.core.record.CanonicalRecord;
import dev.accord.store.AccordStore;
import dev.accord.store.DryRunDiffs;
import dev.accord.store.StoreJson;
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

    private final CompiledContract compiled;
    private final AccordStore store;
    private final ConnectorFactory connectors;

    DryRunReport(CompiledContract compiled, AccordStore store, ConnectorFactory connectors) {
        this.compiled = compiled;
        this.store = store;
        this.connectors = connectors;
    }

    /** @return counts named {@code <target>:would-<operation>} */
    Map<String, Long> plan(PageRef page, FlowSpec flow, Set<String> targets, PageWrites writes) {
        Map<String, Long> counts = new TreeMap<>();
        List<DryRunDiffs.Diff> samples = new ArrayList<>();
        for (String target : targets) {
            DeliveryPlanner planner = new DeliveryPlanner(compiled.mapper(target, flow.domain()), compiled.contract().domain(flow.domain()).key());
            Map<String, TargetRow> rows = connectors.target(target, flow.domain()).readByKeys(writes.deliveries.keySet());
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
        store.inTransaction(c -> {
            store.dryRunDiffs().add(c, samples);
            return null;
        });
        return counts;
    }
}
