package dev.accord.workflows.freshness;

import dev.accord.core.page.Cursor;
import dev.accord.core.quality.FreshnessReport;
import dev.accord.workflows.activities.CatchUpRequest;
import dev.accord.workflows.activities.CatchUpResult;
import dev.accord.workflows.activities.FreshnessActivities;
import dev.accord.workflows.activities.FreshnessRequest;
import dev.accord.workflows.sync.FakeFlow;
import io.temporal.activity.Activity;
import io.temporal.api.common.v1.WorkflowExecution;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Freshness over a {@link FakeFlow}: the flow is behind when its source holds more records than its last
 * checkpoint covers, and (its changes being old) every time it is behind the SLA is breached. The catch-up is
 * the real signal-with-start.
 */
public final class FakeFreshness implements FreshnessActivities {

    public final List<FreshnessReport> reports = new CopyOnWriteArrayList<>();
    public final List<CatchUpResult> catchUps = new CopyOnWriteArrayList<>();
    private final FakeFlow flow;

    public FakeFreshness(FakeFlow flow) {
        this.flow = flow;
    }

    @Override
    public FreshnessReport measure(FreshnessRequest request) {
        Cursor checkpoint = flow.checkpoints.isEmpty() ? Cursor.BEGINNING : flow.checkpoints.get(flow.checkpoints.size() - 1);
        int read = checkpoint.atBeginning() ? 0 : Integer.parseInt(checkpoint.position());
        boolean behind = flow.source.size() > read;
        FreshnessReport report = new FreshnessReport(request.flow(), reports.size() + 1, 300L, 3_600L, null, behind, behind,
                checkpoint.toString(), String.valueOf(flow.source.size()), Instant.parse("2024-01-01T00:00:00Z"), Instant.now());
        reports.add(report);
        return report;
    }

    @Override
    public CatchUpResult catchUp(CatchUpRequest request) {
        WorkflowExecution sync = CatchUp.signalWithStart(Activity.getExecutionContext().getWorkflowClient(),
                    Activity.getExecutionContext().getInfo().getActivityTaskQueue(), request.flow());
        CatchUpResult result = new CatchUpResult(sync.getWorkflowId(), sync.getRunId());
        catchUps.add(result);
        return result;
    }
}
