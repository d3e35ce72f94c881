package dev.accord.activities;

import dev.accord.core.quality.FreshnessReport;
import dev.accord.engine.FreshnessMeter;
import dev.accord.workflows.activities.CatchUpRequest;
import dev.accord.workflows.activities.CatchUpResult;
import dev.accord.workflows.activities.FreshnessActivities;
import dev.accord.workflows.activities.FreshnessRequest;
import dev.accord.workflows.freshness.CatchUp;
import io.temporal.activity.Activity;
import io.temporal.api.common.v1.WorkflowExecution;

/** Freshness checks as activities: a measurement (read-only but for its check row) and a signal-with-start. */
public final class FreshnessActivitiesImpl implements FreshnessActivities {

    private final FreshnessMeter meter;

    public FreshnessActivitiesImpl(FreshnessMeter meter) {
        this.meter = meter;
    }

    @Override
    public FreshnessReport measure(FreshnessRequest request) {
        return Failures.translated(() -> meter.measure(request.flow(), request.workflowId(), request.runId()));
    }

    @Override
    public CatchUpResult catchUp(CatchUpRequest request) {
        return Failures.translated(() -> {
            WorkflowExecution sync = CatchUp.signalWithStart(Activity.getExecutionContext().getWorkflowClient(),
                    Activity.getExecutionContext().getInfo().getActivityTaskQueue(), request.flow());
            meter.caughtUp(request.checkId(), sync.getWorkflowId(), sync.getRunId());
            return new CatchUpResult(sync.getWorkflowId(), sync.getRunId());
        });
    }
}
