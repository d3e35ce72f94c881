package dev.accord.activities.hub;

import dev.accord.activities.store.GoldenRecords;
import dev.accord.connectors.TargetRow;
import dev.accord.core.contract.FlowSpec;
import dev.accord.workflows.activities.VerifyRequest;
import dev.accord.workflows.activities.VerifyResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads records back from targets and checks each holds exactly its golden record: a row matches when
 * planning its delivery from the golden record (all fields) would write nothing.
 */
public final class ReadBack {

    private final SyncContext context;

    public ReadBack(SyncContext context) {
        this.context = context;
    }

    public VerifyResult verify(VerifyRequest request) {
        FlowSpec flow = context.contract().flow(request.flow());
        Map<String, GoldenRecords.Stored> golden = context.store().inTransaction(c ->
                context.store().golden().load(c, flow.domain(), request.keys()));
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (String target : request.targets()) {
            DeliveryPlanner planner = new DeliveryPlanner(context.mapper(target, flow.domain()), context.contract().domain(flow.domain()).key());
            Map<String, TargetRow> rows = context.connectors().target(target, flow.domain()).readByKeys(request.keys());
            for (String key : request.keys()) {
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
