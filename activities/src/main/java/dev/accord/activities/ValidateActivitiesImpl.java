package dev.accord.activities;

import dev.accord.core.page.ValidatedPage;
import dev.accord.engine.Boundary;
import dev.accord.workflows.activities.ValidateActivities;
import dev.accord.workflows.activities.ValidateRequest;

/**
 * The ingress boundary as an activity; quarantining is idempotent, so retries are safe. After
 * {@link Limits#poisonAfterAttempts()} failed attempts a record whose checks keep throwing is quarantined alone.
 */
public final class ValidateActivitiesImpl implements ValidateActivities {

    private final Boundary boundary;
    private final Limits limits;

    public ValidateActivitiesImpl(Boundary boundary, Limits limits) {
        this.boundary = boundary;
        this.limits = limits;
    }

    @Override
    public ValidatedPage validate(ValidateRequest request) {
        return Failures.translated(() -> boundary.validate(request.page(), request.records(), request.dryRun(), Attempts.isolating(limits)));
    }
}
