package dev.accord.workflows.freshness;

import dev.accord.workflows.TaskQueues;
import dev.accord.workflows.runs.RunLabels;
import dev.accord.workflows.runs.WorkflowStarts;
import dev.accord.workflows.sync.SyncInput;
import dev.accord.workflows.sync.SyncWorkflow;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.client.BatchRequest;
import io.temporal.client.WorkflowClient;

/**
 * Signal-with-start of a flow's sync with {@code catchUp}: one call that wakes the running {@code sync/<flow>}
 * or, when none runs, starts one in the contract's mode, on {@code taskQueue} (the catch-up activity's own, so the
 * contract's). Client code, for the catch-up activity.
 */
public final class CatchUp {

    /** The signal a sync acts on by reading at once. */
    public static final String SIGNAL = "catchUp";

    private CatchUp() {}

    public static WorkflowExecution signalWithStart(WorkflowClient client, String taskQueue, String flow) {
        SyncInput input = SyncInput.of(flow);
        SyncWorkflow sync = client.newWorkflowStub(SyncWorkflow.class, WorkflowStarts.options(taskQueue,
                TaskQueues.syncWorkflowId(taskQueue, flow), RunLabels.sync(input)));
        BatchRequest request = client.newSignalWithStartRequest();
        request.add(sync::run, input);
        request.add(sync::catchUp);
        return client.signalWithStart(request);
    }
}
