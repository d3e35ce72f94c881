package dev.accord.workflows.freshness;

import dev.accord.workflows.TaskQueues;
import dev.accord.workflows.sync.SyncInput;
import dev.accord.workflows.sync.SyncWorkflow;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.client.BatchRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;

/**
 * Signal-with-start of a flow's sync with {@code catchUp}: one call that wakes the running {@code sync/<flow>}
 * or, when none runs, starts one in the contract's mode. Client code, for the catch-up activity.
 */
public final class CatchUp {

    /** The signal a sync acts on by reading at once. */
    public static final String SIGNAL = "catchUp";

    private CatchUp() {}

    public static WorkflowExecution signalWithStart(WorkflowClient client, String flow) {
        SyncWorkflow sync = client.newWorkflowStub(SyncWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId(TaskQueues.syncWorkflowId(flow))
                .setTaskQueue(TaskQueues.ACCORD)
                .build());
        BatchRequest request = client.newSignalWithStartRequest();
        request.add(sync::run, SyncInput.of(flow));
        request.add(sync::catchUp);
        return client.signalWithStart(request);
    }
}
