package dev.accord.cli.sync;

import dev.accord.cli.OutputFormat;
import dev.accord.cli.TemporalConnection;
import dev.accord.workflows.WorkflowIds;
import dev.accord.workflows.sync.SyncProgress;
import dev.accord.workflows.sync.SyncResult;
import dev.accord.workflows.sync.SyncWorkflow;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** Queries {@code progress} of {@code sync/<flow>}. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show the state, pages, counts and checkpoint of a flow's sync.")
final class SyncStatusCommand implements Callable<Integer> {

    @Mixin
    TemporalConnection temporal;

    @Mixin
    OutputFormat output;

    @Parameters(paramLabel = "FLOW", description = "The flow.")
    String flow;

    @Override
    public Integer call() {
        String workflowId = temporal.workflowId(WorkflowIds.sync(flow));
        SyncProgress progress = temporal.client().newWorkflowStub(SyncWorkflow.class, workflowId).progress();
        if (output.json()) {
            output.print(SyncStatusJson.of(workflowId, flow, progress));
            return 0;
        }
        System.out.println("flow        " + flow);
        System.out.println("state       " + progress.state() + (progress.dryRun() ? " (dry run)" : ""));
        System.out.println("pages       " + progress.pages());
        System.out.println("checkpoint  " + progress.checkpoint());
        System.out.println("source head " + progress.sourceHead());
        System.out.println("counts      " + counts(progress.counts()));
        return 0;
    }

    static String describe(SyncResult result) {
        return result.flow() + ": " + result.state() + " after " + result.pages() + " pages, checkpoint " + result.checkpoint()
                + System.lineSeparator() + "  " + counts(result.counts());
    }

    static String counts(Map<String, Long> counts) {
        return counts.isEmpty() ? "none yet" : counts.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("  "));
    }
}
