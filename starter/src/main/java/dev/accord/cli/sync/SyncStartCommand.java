package dev.accord.cli.sync;

import dev.accord.cli.ContractFlows;
import dev.accord.cli.ProgressOutput;
import dev.accord.cli.TemporalConnection;
import dev.accord.workflows.WorkflowIds;
import dev.accord.workflows.runs.RunLabels;
import dev.accord.workflows.runs.WorkflowStarts;
import dev.accord.workflows.sync.CanaryOptions;
import dev.accord.workflows.sync.SyncInput;
import dev.accord.workflows.sync.SyncResult;
import dev.accord.workflows.sync.SyncWorkflow;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import java.time.Clock;
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

    @Mixin
    ContractFlows contract;

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

    @Option(names = "--wait", description = {"Follow the run and print its result: a progress line redrawn in place on a",
        "terminal, a plain line every 10 s when the output is not a terminal."})
    boolean waitForResult;

    @Override
    public Integer call() throws InterruptedException {
        contract.require(flow);
        WorkflowClient client = temporal.client();
        CanaryOptions canary = canaryPercent == null && canaryKeys == null ? null : new CanaryOptions(canaryPercent, canaryKeys);
        if (canaryPercent != null && (canaryPercent <= 0 || canaryPercent > 100)) {
            throw new IllegalArgumentException("--canary takes a share of keys from more than 0 up to 100 (percent), not " + canaryPercent);
        }
        SyncInput input = SyncInput.of(flow).withMode(mode).withDryRun(dryRun ? Boolean.TRUE : null).withBatchSize(batchSize)
                .withMaxPages(maxPages).withCanary(canary).withReplayFrom(replayFrom);
        SyncWorkflow workflow = client.newWorkflowStub(SyncWorkflow.class, WorkflowStarts.options(temporal.taskQueue(),
                temporal.workflowId(WorkflowIds.sync(flow)), RunLabels.sync(input)));
        WorkflowExecution execution = WorkflowClient.start(workflow::run, input);
        System.out.println("started " + execution.getWorkflowId() + " (run " + execution.getRunId() + ")");
        if (!waitForResult) {
            System.out.println("follow it with: accord sync status " + flow + temporal.followUpOptions());
            return 0;
        }
        SyncResult result = new ProgressLine(ProgressOutput.forStandardOutput(System.out, Clock.systemUTC()))
                .follow(workflow, WorkflowStub.fromTyped(workflow));
        System.out.println(SyncStatusCommand.describe(result));
        return "finished".equals(result.state()) || "cancelled".equals(result.state()) ? 0 : 1;
    }
}
