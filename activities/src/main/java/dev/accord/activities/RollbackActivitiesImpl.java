package dev.accord.activities;

import dev.accord.core.rollback.RollbackResult;
import dev.accord.core.rollback.RollbackScope;
import dev.accord.engine.RollbackScopes;
import dev.accord.engine.RunReverter;
import dev.accord.workflows.activities.RollbackActivities;
import dev.accord.workflows.activities.RollbackRequest;
import io.temporal.activity.Activity;
import java.util.List;

/** Reverting a run as an activity, heartbeating after every wave of rows; safe to retry (idempotent). */
public final class RollbackActivitiesImpl implements RollbackActivities {

    private final RunReverter reverter;
    private final RollbackScopes scopes;

    public RollbackActivitiesImpl(RunReverter reverter, RollbackScopes scopes) {
        this.reverter = reverter;
        this.scopes = scopes;
    }

    @Override
    public List<String> runsToRevert(RollbackScope scope) {
        return Failures.translated(() -> scopes.runs(scope));
    }

    @Override
    public RollbackResult revertRun(RollbackRequest request) {
        return Failures.translated(() -> reverter.revertRun(request.flow(), request.runId(), () -> Activity.getExecutionContext().heartbeat(request.runId())));
    }
}
