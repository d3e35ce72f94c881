package dev.accord.activities;

import dev.accord.core.page.FlowPlan;
import dev.accord.engine.RunBook;
import dev.accord.workflows.activities.CheckpointRequest;
import dev.accord.workflows.activities.FinishRunRequest;
import dev.accord.workflows.activities.RunActivities;
import dev.accord.workflows.activities.StartRunRequest;

/** Run records, checkpoints and the kill switch as activities; all idempotent upserts. */
public final class RunActivitiesImpl implements RunActivities {

    private final RunBook book;

    public RunActivitiesImpl(RunBook book) {
        this.book = book;
    }

    @Override
    public FlowPlan startRun(StartRunRequest request) {
        return Failures.translated(() -> book.startRun(request.flow(), request.run(), request.mode(), request.batchSize(), request.dryRun(),
                request.kind()));
    }

    @Override
    public void checkpoint(CheckpointRequest request) {
        Failures.translated(() -> {
            book.checkpoint(request.page(), request.cursor(), request.sourceHead());
            return null;
        });
    }

    @Override
    public void finishRun(FinishRunRequest request) {
        Failures.translated(() -> {
            book.finishRun(request.run(), request.state(), request.pages(), request.counts());
            return null;
        });
    }
}
