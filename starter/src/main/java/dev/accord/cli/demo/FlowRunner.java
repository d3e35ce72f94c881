package dev.accord.cli.demo;

import dev.accord.workflows.TaskQueues;
import dev.accord.workflows.runs.RunLabels;
import dev.accord.workflows.runs.WorkflowStarts;
import dev.accord.workflows.sync.SyncInput;
import dev.accord.workflows.sync.SyncResult;
import dev.accord.workflows.sync.SyncWorkflow;
import io.temporal.client.WorkflowClient;
import java.util.ArrayList;
import java.util.List;

/** Runs flows as one-shot SyncWorkflows through Temporal, one after the other, timing each. */
final class FlowRunner {

    private final WorkflowClient client;

    FlowRunner(WorkflowClient client) {
        this.client = client;
    }

    /** One flow's run in one round of the demo. */
    record Run(String round, SyncResult result, double seconds) {

        long records() {
            return result.counts().entrySet().stream().filter(e -> !e.getKey().contains(":")).mapToLong(e -> e.getValue()).sum();
        }
    }

    List<Run> run(String round, List<String> flows) {
        List<Run> runs = new ArrayList<>();
        for (String flow : flows) {
            SyncInput input = SyncInput.of(flow).withMode("one-shot");
            SyncWorkflow workflow = client.newWorkflowStub(SyncWorkflow.class,
                    WorkflowStarts.options(TaskQueues.ACCORD, TaskQueues.syncWorkflowId(flow), RunLabels.sync(input)));
            long started = System.nanoTime();
            SyncResult result = workflow.run(input);
            runs.add(new Run(round, result, (System.nanoTime() - started) / 1e9));
        }
        return runs;
    }
}
