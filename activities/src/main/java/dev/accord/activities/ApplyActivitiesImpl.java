package dev.accord.activities;

import dev.accord.activities.hub.TargetApplier;
import dev.accord.workflows.activities.AppliedPage;
import dev.accord.workflows.activities.ApplyActivities;
import dev.accord.workflows.activities.ApplyRequest;
import io.temporal.activity.Activity;
import java.util.List;

/**
 * Delivery to one target as an activity, heartbeating after every attempt. While the target is unavailable
 * (open circuit breaker, full bulkhead, throttling) the page is held: its deliveries stay pending, the
 * writes logged ahead are settled by the next attempt's fresh read, and the workflow waits and tries again.
 */
public final class ApplyActivitiesImpl implements ApplyActivities {

    private final TargetApplier applier;

    public ApplyActivitiesImpl(TargetApplier applier) {
        this.applier = applier;
    }

    @Override
    public AppliedPage apply(ApplyRequest request) {
        return Failures.translated(() -> Holds.holdingWhileUnavailable(
                () -> applier.apply(request, () -> Activity.getExecutionContext().heartbeat(request.target())),
                unavailable -> new AppliedPage(request.target(), List.of(), true)));
    }
}
