package dev.accord.workflows.activities;

import dev.accord.core.quality.VerifyResult;
import io.temporal.activity.ActivityInterface;

/** Reads records back from targets and checks they hold exactly their golden values (canary verification). Read-only. */
@ActivityInterface
public interface VerifyActivities {

    VerifyResult verify(VerifyRequest request);
}
