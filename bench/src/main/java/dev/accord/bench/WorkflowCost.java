package dev.accord.bench;

import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What a workflow and everything it started cost in Temporal: the events of every history (the
 * workflow, its child workflows, and each execution they continued as new into) and the activities
 * scheduled in them, and the size of those histories (which the embedded server keeps in memory).
 */
final class WorkflowCost {

    /** Totals over a tree of workflow executions. */
    record Totals(long executions, long events, long activities, long bytes) {}

    private final WorkflowClient client;

    WorkflowCost(WorkflowClient client) {
        this.client = client;
    }

    Totals of(String workflowId, String runId) {
        Deque<WorkflowExecution> pending = new ArrayDeque<>();
        pending.push(WorkflowExecution.newBuilder().setWorkflowId(workflowId).setRunId(runId).build());
        long executions = 0;
        long events = 0;
        long activities = 0;
        long bytes = 0;
        while (!pending.isEmpty()) {
            WorkflowExecution execution = pending.pop();
            executions++;
            for (HistoryEvent event : client.fetchHistory(execution.getWorkflowId(), execution.getRunId()).getEvents()) {
                events++;
                bytes += event.getSerializedSize();
                if (event.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED) {
                    activities++;
                } else if (event.getEventType() == EventType.EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_STARTED) {
                    pending.push(event.getChildWorkflowExecutionStartedEventAttributes().getWorkflowExecution());
                } else if (event.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW) {
                    pending.push(WorkflowExecution.newBuilder().setWorkflowId(execution.getWorkflowId())
                            .setRunId(event.getWorkflowExecutionContinuedAsNewEventAttributes().getNewExecutionRunId()).build());
                }
            }
        }
        return new Totals(executions, events, activities, bytes);
    }
}
