package dev.accord.cli.sync;

import dev.accord.cli.TemporalConnection;
import dev.accord.workflows.TaskQueues;
import dev.accord.workflows.sync.CanaryOptions;
import dev.accord.workflows.sync.SyncInput;
import dev.accord.workflows.sync.SyncResult;
import dev.accord.workflows.sync.SyncWorkflow;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Starts {@code sync/<flow>}; with {@code --wait}, follows it with a progress line until it ends. */
@Command(name = "start", mixinStandardHelpOptions = true, description = "Start the sync of a flow.")
final class SyncStartCommand implements Callable<Integer> {

    @Mixin
    TemporalConnection temporal;

    @Parameters(paramLabel = "FLOW", description = "The flow, as named in the contract.")
    String flow;

    @Option(names = "--mode", description = "one-shot (stop when caught up) or continuous (poll forever); default: the contract's.")
    String mode;

    @Option(names = "--dry-run", description = "Compute every decision; write nothing to targets and save no checkpoint.")
    boolean dryRun;

    @Option(names = "--batch-size", description = "Records per page (default: the contract's).")
    Integer batchSize;

    @Option(names = "--max-pages", description = "Stop after this many pages.")
    Integer maxPages;

    @Option(names = "--canary", paramLabel = "PERCENT",
            description = "Deliver to this share of keys first (e.g. 5), read them back from every target, then continue"
                    + " — or stop and revert the run if they do not match.")
    Double canaryPercent;

    @Option(names = "--canary-keys", paramLabel = "KEY", split = ",", description = "Canary by explicit keys instead of a share.")
    java.util.List<String> canaryKeys;

    @Option(names = "--from", paramLabel = "beginning|POSITION[|KEY]",
            description = "Replay: read from the beginning (or a cursor position) instead of the checkpoint; changes seen"
                    + " before are counted as duplicates and applied nothing twice.")
    String replayFrom;

    @Option(names = "--wait", description = "Follow the run with a progress line and print its result.")
    boolean waitForResult;

    @Override
    public Integer call() throws InterruptedException {
        WorkflowClient client = temporal.client();
        SyncWorkflow workflow = client.newWorkflowStub(SyncWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId(TaskQueues.syncWorkflowId(flow))
                .setTaskQueue(TaskQueues.ACCORD)
                .build());
        CanaryOptions canary = canaryPercent == null && canaryKeys == null ? null : new CanaryOptions(canaryPercent, canaryKeys);
        if (canaryPercent != null && (canaryPercent <= 0 || canaryPercent > 100)) {
            throw new IllegalArgumentException("--canary takes a share of keys from more than 0 up to 100 (percent), not " + canaryPercent);
        }
        WorkflowExecution execution = WorkflowClient.start(workflow::run,
                new SyncInput(flow, mode, dryRun ? Boolean.TRUE : null, batchSize, maxPages, null, canary, replayFrom));
        System.out.println("started " + execution.getWorkflowId() + " (run " + execution.getRunId() + ")");
        if (!waitForResult) {
            System.out.println("follow it with: accord sync status " + flow);
            return 0;
        }
        SyncResult result = new ProgressLine(System.out).follow(workflow, WorkflowStub.fromTyped(workflow));
        System.out.println(SyncStatusCommand.describe(result));
        return "finished".equals(result.state()) || "cancelled".equals(result.state()) ? 0 : 1;
    }
}
