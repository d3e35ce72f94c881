package dev.accord.activities;

import dev.accord.core.page.ResolvedPage;
import dev.accord.engine.Hub;
import dev.accord.workflows.activities.ResolveActivities;
import dev.accord.workflows.activities.ResolveRequest;

/**
 * The hub's decisions as an activity; a retry of the same page returns the decisions first recorded. After
 * {@link Limits#poisonAfterAttempts()} failed attempts a change whose resolution keeps failing is quarantined alone.
 */
public final class ResolveActivitiesImpl implements ResolveActivities {

    private final Hub hub;
    private final Limits limits;

    public ResolveActivitiesImpl(Hub hub, Limits limits) {
        this.hub = hub;
        this.limits = limits;
    }

    @Override
    public ResolvedPage resolve(ResolveRequest request) {
        return Failures.translated(() -> Attempts.isolating(limits)
                ? hub.resolveIsolating(request.page(), request.changes(), request.dryRun(), request.deliverAll())
                : hub.resolve(request.page(), request.changes(), request.dryRun(), request.deliverAll()));
    }
}
