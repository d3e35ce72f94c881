package dev.accord.activities;

import dev.accord.core.quality.VerifyResult;
import dev.accord.engine.ReadBack;
import dev.accord.workflows.activities.VerifyActivities;
import dev.accord.workflows.activities.VerifyRequest;

/** Canary verification as an activity: read-only, retried freely. */
public final class VerifyActivitiesImpl implements VerifyActivities {

    private final ReadBack readBack;

    public VerifyActivitiesImpl(ReadBack readBack) {
        this.readBack = readBack;
    }

    @Override
    public VerifyResult verify(VerifyRequest request) {
        return Failures.translated(() -> readBack.verify(request.flow(), request.targets(), request.keys()));
    }
}
