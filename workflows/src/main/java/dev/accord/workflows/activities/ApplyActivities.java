package dev.accord.workflows.activities;

import dev.accord.core.page.AppliedPage;
import io.temporal.activity.ActivityInterface;

/**
 * Writes golden records to one target with compare-and-set, after logging before-images (write-ahead),
 * so the write can be rolled back. Idempotent: a retry finds the target already holding the values and
 * writes nothing.
 */
@ActivityInterface
public interface ApplyActivities {

    AppliedPage apply(ApplyRequest request);
}
