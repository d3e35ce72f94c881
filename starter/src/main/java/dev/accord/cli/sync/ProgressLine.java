package dev.accord.cli.sync;

import dev.accord.workflows.sync.SyncProgress;
import dev.accord.workflows.sync.SyncResult;
import dev.accord.workflows.sync.SyncWorkflow;
import io.temporal.client.WorkflowStub;
import java.io.PrintStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Follows a running sync: one line, rewritten every second, with state, pages and records by decision. */
final class ProgressLine {

    private final PrintStream out;

    ProgressLine(PrintStream out) {
        this.out = out;
    }

    SyncResult follow(SyncWorkflow workflow, WorkflowStub stub) throws InterruptedException {
        CompletableFuture<SyncResult> result = stub.getResultAsync(SyncResult.class);
        long started = System.nanoTime();
        while (true) {
            try {
                SyncResult done = result.get(1, TimeUnit.SECONDS);
                out.println();
                return done;
            } catch (TimeoutException e) {
                SyncProgress progress = workflow.progress();
                long records = progress.counts().entrySet().stream().filter(c -> !c.getKey().contains(":"))
                        .mapToLong(java.util.Map.Entry::getValue).sum();
                double seconds = (System.nanoTime() - started) / 1e9;
                out.printf("\r%-10s pages %6d  records %9d  (%,.0f/s)   ", progress.state(), progress.pages(), records,
                        seconds > 0 ? records / seconds : 0.0);
                out.flush();
            } catch (java.util.concurrent.ExecutionException e) {
                out.println();
                throw new IllegalStateException("the sync failed: " + e.getCause().getMessage(), e.getCause());
            }
        }
    }
}
