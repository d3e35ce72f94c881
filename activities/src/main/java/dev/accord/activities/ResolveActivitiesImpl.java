package dev.accord.activities;

import dev.accord.activities.hub.Hub;
import dev.accord.workflows.activities.ResolveActivities;
import dev.accord.workflows.activities.ResolveRequest;
import dev.accord.workflows.activities.ResolvedPage;

/** The hub's decisions as an activity; a retry of the same page returns the decisions first recorded. */
public final class ResolveActivitiesImpl implements ResolveActivities {

    private final Hub hub;

    public ResolveActivitiesImpl(Hub hub) {
        this.hub = hub;
    }

    @Override
    public ResolvedPage resolve(ResolveRequest request) {
        return Failures.translated(() -> hub.resolve(request.page(), request.changes(), request.dryRun(), request.deliverAll()));
    }
}
