package dev.accord.cli.backfill;

import dev.accord.cli.ProgressOutput;
import dev.accord.workflows.backfill.BackfillProgress;
import dev.accord.workflows.backfill.BackfillResult;
import dev.accord.workflows.backfill.BackfillWorkflow;
import io.temporal.client.WorkflowStub;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Follows a backfill: a bar of chunks done, records, state and the estimated time left, every second — redrawn in
 * place on a terminal, plain lines now and then otherwise (see {@link ProgressOutput}).
 */
final class ProgressBar {

    private static final int WIDTH = 30;

    private final ProgressOutput out;

    ProgressBar(ProgressOutput out) {
        this.out = out;
    }

    BackfillResult follow(BackfillWorkflow workflow, WorkflowStub stub) throws InterruptedException {
        CompletableFuture<BackfillResult> result = stub.getResultAsync(BackfillResult.class);
        while (true) {
            try {
                BackfillResult done = result.get(1, TimeUnit.SECONDS);
                out.done();
                return done;
            } catch (TimeoutException e) {
                out.show(line(workflow.progress()));
            } catch (ExecutionException e) {
                out.done();
                throw new IllegalStateException("the backfill failed: " + e.getCause().getMessage(), e.getCause());
            }
        }
    }

    static String line(BackfillProgress p) {
        int filled = p.chunksTotal() == 0 ? 0 : WIDTH * p.chunksDone() / p.chunksTotal();
        String eta = p.etaSeconds() < 0 ? "?" : p.etaSeconds() / 60 + "m" + p.etaSeconds() % 60 + "s";
        return String.format("[%s%s] %d/%d chunks  %,d records  %-10s ETA %s   ", "#".repeat(filled), ".".repeat(WIDTH - filled),
                p.chunksDone(), p.chunksTotal(), p.records(), p.state(), eta);
    }
}
