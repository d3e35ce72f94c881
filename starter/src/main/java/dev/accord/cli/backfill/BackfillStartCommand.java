package dev.accord.cli.backfill;

import dev.accord.cli.ContractFlows;
import dev.accord.cli.ProgressOutput;
import dev.accord.cli.TemporalConnection;
import dev.accord.workflows.WorkflowIds;
import dev.accord.workflows.backfill.BackfillInput;
import dev.accord.workflows.backfill.BackfillResult;
import dev.accord.workflows.backfill.BackfillWorkflow;
import dev.accord.workflows.runs.RunLabels;
import dev.accord.workflows.runs.WorkflowStarts;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Starts {@code backfill/<flow>/<timestamp>}; with {@code --wait}, follows it with a progress bar. */
@Command(name = "start", mixinStandardHelpOptions = true, description = "Start a backfill of a flow.")
final class BackfillStartCommand implements Callable<Integer> {

    /** When the backfill starts, in its workflow id. */
    Clock clock = Clock.systemUTC();

    @Mixin
    TemporalConnection temporal;

    @Mixin
    ContractFlows contract;

    @Parameters(paramLabel = "FLOW", description = "The flow, as named in the contract.")
    String flow;

    @Option(names = "--after", paramLabel = "KEY", description = "Only keys after this one (exclusive).")
    String afterKey;

    @Option(names = "--to", paramLabel = "KEY", description = "Only keys up to this one (inclusive).")
    String lastKey;

    @Option(names = "--rows-per-chunk", description = "Rows per chunk (default 10000).")
    Integer rowsPerChunk;

    @Option(names = "--parallelism", description = "Chunks running at once (default 4).")
    Integer parallelism;

    @Option(names = "--batch-size", description = "Records per page (default: the contract's).")
    Integer batchSize;

    @Option(names = "--dry-run", description = "Decide everything, write nothing.")
    boolean dryRun;

    @Option(names = "--wait", description = {"Follow the backfill until it ends: a progress bar redrawn in place on a",
        "terminal, a plain line every 10 s when the output is not a terminal."})
    boolean waitForResult;

    @Override
    public Integer call() throws InterruptedException {
        contract.require(flow);
        WorkflowClient client = temporal.client();
        String id = temporal.workflowId(WorkflowIds.backfill(flow, clock.instant()));
        BackfillInput input = new BackfillInput(flow, afterKey, lastKey, rowsPerChunk, parallelism, batchSize, dryRun ? Boolean.TRUE : null);
        BackfillWorkflow workflow = client.newWorkflowStub(BackfillWorkflow.class,
                WorkflowStarts.options(temporal.taskQueue(), id, RunLabels.backfill(input)));
        WorkflowExecution execution = WorkflowClient.start(workflow::run, input);
        System.out.println("started " + execution.getWorkflowId() + " (run " + execution.getRunId() + ")");
        if (!waitForResult) {
            System.out.println("follow it with: accord backfill status " + id + temporal.followUpOptions());
            return 0;
        }
        BackfillResult result = new ProgressBar(ProgressOutput.forStandardOutput(System.out, Clock.systemUTC()))
                .follow(workflow, WorkflowStub.fromTyped(workflow));
        System.out.println(result.flow() + ": " + result.state() + ", " + result.chunks() + " chunks, " + result.records() + " records");
        System.out.println("  " + result.counts());
        return "finished".equals(result.state()) ? 0 : 1;
    }
}
