package dev.accord.engine;

import dev.accord.connectors.ConnectorFactory;
import dev.accord.connectors.TargetRow;
import dev.accord.core.contract.FlowSpec;
import dev.accord.core.quality.VerifyResult;
import dev.accord.store.AccordStore;
import dev.accord.store.GoldenRecords;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads records back from targets and checks each holds exactly its golden record: a row matches when
 * planning its delivery from the golden record (all fields) would write nothing.
 */
public final class ReadBack {

    private final CompiledContract compiled;
    private final AccordStore store;
    private final ConnectorFactory connectors;

    public ReadBack(CompiledContract compiled, AccordStore store, ConnectorFactory connectors) {
        this.compiled = compiled;
        this.store = store;
        this.connectors = connectors;
    }

    public VerifyResult verify(String flowName, List<String> targets, List<String> keys) {
        FlowSpec flow = compiled.contract().flow(flowName);
        Map<String, GoldenRecords.Stored> golden = store.inTransaction(c ->
                store.golden().load(c, flow.domain(), keys));
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (String target : targets) {
            DeliveryPlanner planner = new DeliveryPlanner(compiled.mapper(target, flow.domain()), compiled.contract().domain(flow.domain()).key());
            Map<String, TargetRow> rows = connectors.target(target, flow.domain()).readByKeys(keys);
            for (String key : keys) {
                checked++;
                PlannedDelivery plan = planner.plan(golden.get(key).record(), planner.targetFields(), rows.get(key));
                if (!plan.isUnchanged()) {
                    mismatches.add(target + "/" + key + ": would still need " + plan.operation() + " of " + plan.after());
                }
            }
        }
        return new VerifyResult(checked, mismatches);
    }
}
