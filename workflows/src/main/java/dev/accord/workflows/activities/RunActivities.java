package dev.accord.workflows.activities;

import dev.accord.core.page.FlowPlan;
import io.temporal.activity.ActivityInterface;

/**
 * The run's bookkeeping in the Accord store: the run record with its contract hash and options, and the
 * flow's checkpoint. All idempotent (upserts keyed by run and flow).
 */
@ActivityInterface
public interface RunActivities {

    FlowPlan startRun(StartRunRequest request);

    void checkpoint(CheckpointRequest request);

    void finishRun(FinishRunRequest request);
}
