package dev.accord.workflows.activities;

import io.temporal.activity.ActivityInterface;

/** Reads changes from a flow's source system. Read-only, so any retry is safe. */
@ActivityInterface
public interface ExtractActivities {

    ExtractedPage extract(ExtractRequest request);
}
