package dev.accord.activities;

import dev.accord.activities.hub.Boundary;
import dev.accord.activities.hub.SyncContext;
import dev.accord.workflows.activities.ValidateActivities;
import dev.accord.workflows.activities.ValidateRequest;
import dev.accord.workflows.activities.ValidatedPage;

/** The ingress boundary as an activity; quarantining is idempotent, so retries are safe. */
public final class ValidateActivitiesImpl implements ValidateActivities {

    private final Boundary boundary;

    public ValidateActivitiesImpl(SyncContext context) {
        this.boundary = new Boundary(context);
    }

    @Override
    public ValidatedPage validate(ValidateRequest request) {
        return Failures.translated(() -> boundary.validate(request));
    }
}
