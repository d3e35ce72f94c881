package dev.accord.cli.backfill;

import dev.accord.store.AccordStore;
import dev.accord.store.Runs;
import dev.accord.cli.StoreConnection;
import dev.accord.cli.TemporalConnection;

/**
 * Finds the backfill a command means: a workflow id ({@code backfill/<flow>/<timestamp>}, with or without the task
 * queue's prefix), or, for a flow name, the newest backfill of that flow in the Accord store.
 */
final class BackfillTarget {

    private BackfillTarget() {}

    static String workflowId(String flowOrId, TemporalConnection temporal, StoreConnection store) {
        if (flowOrId.startsWith("backfill/")) {
            return temporal.workflowId(flowOrId);
        }
        if (flowOrId.startsWith(temporal.workflowId("backfill/"))) {
            return flowOrId;
        }
        AccordStore accord = store.open();
        return accord.inTransaction(c -> accord.runs().recent(c, flowOrId, 50)).stream()
                .filter(r -> "backfill".equals(r.kind())).map(Runs.Run::workflowId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no backfill of flow '" + flowOrId
                        + "' is recorded in the Accord store; give its workflow id backfill/<flow>/<timestamp>"));
    }
}
