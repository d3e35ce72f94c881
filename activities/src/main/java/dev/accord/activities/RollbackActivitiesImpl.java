package dev.accord.activities;

import dev.accord.activities.hub.RunReverter;
import dev.accord.workflows.activities.RollbackActivities;
import dev.accord.workflows.activities.RollbackRequest;
import dev.accord.workflows.activities.RollbackResult;
import io.temporal.activity.Activity;

/** Reverting a run as an activity, heartbeating after every wave of rows; safe to retry (idempotent). */
public final class RollbackActivitiesImpl implements RollbackActivities {

    private final RunReverter reverter;

    public RollbackActivitiesImpl(RunReverter reverter) {
        this.reverter = reverter;
    }

    @Override
    public RollbackResult revertRun(RollbackRequest request) {
        return Failures.translated(() -> reverter.revertRun(request, () -> Activity.getExecutionContext().heartbeat(request.runId())));
    }
}
