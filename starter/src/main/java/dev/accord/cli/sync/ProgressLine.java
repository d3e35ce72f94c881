package dev.accord.cli.sync;

import dev.accord.cli.ProgressOutput;
import dev.accord.workflows.sync.SyncProgress;
import dev.accord.workflows.sync.SyncResult;
import dev.accord.workflows.sync.SyncWorkflow;
import io.temporal.client.WorkflowStub;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Follows a running sync: state, pages and records by decision, every second — a line redrawn in place on a terminal,
 * plain lines now and then otherwise (see {@link ProgressOutput}).
 */
final class ProgressLine {

    private final ProgressOutput out;

    ProgressLine(ProgressOutput out) {
        this.out = out;
    }

    SyncResult follow(SyncWorkflow workflow, WorkflowStub stub) throws InterruptedException {
        CompletableFuture<SyncResult> result = stub.getResultAsync(SyncResult.class);
        long started = System.nanoTime();
        while (true) {
            try {
                SyncResult done = result.get(1, TimeUnit.SECONDS);
                out.done();
                return done;
            } catch (TimeoutException e) {
                SyncProgress progress = workflow.progress();
                long records = progress.counts().entrySet().stream().filter(c -> !c.getKey().contains(":"))
                        .mapToLong(java.util.Map.Entry::getValue).sum();
                double seconds = (System.nanoTime() - started) / 1e9;
                out.show(String.format("%-10s pages %6d  records %9d  (%,.0f/s)   ", progress.state(), progress.pages(), records,
                        seconds > 0 ? records / seconds : 0.0));
            } catch (java.util.concurrent.ExecutionException e) {
                out.done();
                throw new IllegalStateException("the sync failed: " + e.getCause().getMessage(), e.getCause());
            }
        }
    }
}
