package dev.accord.activities;

import dev.accord.activities.hub.TargetApplier;
import dev.accord.workflows.activities.AppliedPage;
import dev.accord.workflows.activities.ApplyActivities;
import dev.accord.workflows.activities.ApplyRequest;
import io.temporal.activity.Activity;

/** Delivery to one target as an activity, heartbeating after every attempt. */
public final class ApplyActivitiesImpl implements ApplyActivities {

    private final TargetApplier applier;

    public ApplyActivitiesImpl(TargetApplier applier) {
        this.applier = applier;
    }

    @Override
    public AppliedPage apply(ApplyRequest request) {
        return Failures.translated(() -> applier.apply(request, () -> Activity.getExecutionContext().heartbeat(request.target())));
    }
}
