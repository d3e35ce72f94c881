package dev.accord.activities;

import dev.accord.core.page.AppliedPage;
import dev.accord.engine.DeliveryOrder;
import dev.accord.engine.Holds;
import dev.accord.engine.TargetApplier;
import dev.accord.workflows.activities.ApplyActivities;
import dev.accord.workflows.activities.ApplyRequest;
import io.temporal.activity.Activity;
import java.util.List;

/**
 * Delivery to one target as an activity, heartbeating after every attempt. While the target is unavailable
 * (open circuit breaker, full bulkhead, throttling) the page is held: its deliveries stay pending, the
 * writes logged ahead are settled by the next attempt's fresh read, and the workflow waits and tries again. After
 * {@link Limits#poisonAfterAttempts()} failed attempts a key whose delivery keeps failing is quarantined alone.
 */
public final class ApplyActivitiesImpl implements ApplyActivities {

    private final TargetApplier applier;
    private final Limits limits;

    public ApplyActivitiesImpl(TargetApplier applier, Limits limits) {
        this.applier = applier;
        this.limits = limits;
    }

    @Override
    public AppliedPage apply(ApplyRequest request) {
        return Failures.translated(() -> Holds.holdingWhileUnavailable(
                () -> applier.apply(order(request), () -> Activity.getExecutionContext().heartbeat(request.target()), Attempts.isolating(limits)),
                unavailable -> new AppliedPage(request.target(), List.of(), true)));
    }

    private static DeliveryOrder order(ApplyRequest request) {
        return request.drains() ? DeliveryOrder.drain(request.page(), request.target(), request.dryRun())
                : DeliveryOrder.of(request.page(), request.target(), request.keys(), request.dryRun());
    }
}
