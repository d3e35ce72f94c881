package dev.accord.cli.backfill;

import dev.accord.cli.OutputFormat;
import dev.accord.cli.StoreConnection;
import dev.accord.cli.TemporalConnection;
import dev.accord.workflows.backfill.BackfillProgress;
import dev.accord.workflows.backfill.BackfillWorkflow;
import dev.accord.workflows.backfill.ChunkState;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** Queries a backfill's progress: every chunk's state, records, and the estimated time left. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show a backfill's chunks, records and ETA.")
final class BackfillStatusCommand implements Callable<Integer> {

    @Mixin
    TemporalConnection temporal;

    @Mixin
    StoreConnection store;

    @Mixin
    OutputFormat output;

    @Parameters(paramLabel = "BACKFILL", description = "backfill/<flow>/<timestamp>, or a flow for its newest backfill.")
    String backfill;

    @Override
    public Integer call() {
        String id = BackfillTarget.workflowId(backfill, temporal, store);
        BackfillProgress progress = temporal.client().newWorkflowStub(BackfillWorkflow.class, id).progress();
        if (output.json()) {
            output.print(BackfillStatusJson.of(id, progress));
            return 0;
        }
        System.out.println(id);
        System.out.println(ProgressBar.line(progress));
        for (ChunkState chunk : progress.chunks()) {
            System.out.printf("  chunk %4d  %-32s %-8s %,10d records%n", chunk.chunk(), chunk.range(), chunk.state(), chunk.records());
        }
        System.out.println("  counts " + progress.counts());
        return 0;
    }
}
