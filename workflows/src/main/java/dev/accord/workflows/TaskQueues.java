package dev.accord.workflows;

import dev.accord.core.failure.InvalidRequestException;
import java.util.regex.Pattern;

/**
 * Names that the worker, the CLI and operators using the Temporal UI/CLI must agree on: the task queue a
 * contract's workers poll ({@code accord.task-queue}, default {@value #ACCORD}) and the ids of its workflows.
 *
 * <p>Several contracts share one Temporal namespace by polling task queues of their own. Workflow ids are unique
 * per namespace, not per task queue, and two contracts may well name a flow (or a domain and key under review)
 * alike; so every id of a workflow on a queue other than the default starts with {@code <queue>/}
 * ({@code billing/sync/crm-customers}). On the default queue ids stay as they always were ({@code sync/<flow>}),
 * and so do the recorded histories that replay them.
 */
public final class TaskQueues {

    /** The default task queue: where every Accord workflow and activity runs unless a contract names its own. */
    public static final String ACCORD = "accord";

    /** Letters, digits, dot, dash and underscore: no slash, so {@code <queue>/} prefixes an id unambiguously. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private TaskQueues() {}

    /** A task queue setting as given: blank means the default, anything else must be a plain name. */
    public static String checked(String taskQueue) {
        if (taskQueue == null || taskQueue.isBlank()) {
            return ACCORD;
        }
        if (!NAME.matcher(taskQueue).matches()) {
            throw new InvalidRequestException("task queue '" + taskQueue + "' is not a plain name: use up to 100 letters, digits, '.',"
                    + " '-' and '_' (accord.task-queue, ACCORD_TASK_QUEUE, --task-queue)");
        }
        return taskQueue;
    }

    /** The id of a workflow on {@code taskQueue}: {@code id} itself on the default queue, {@code <queue>/<id>} on any other. */
    public static String workflowId(String taskQueue, String id) {
        String queue = checked(taskQueue);
        return ACCORD.equals(queue) ? id : queue + "/" + id;
    }

    /** Workflow id of a flow's sync on the default queue: {@code sync/<flow>}, so at most one sync per flow runs at a time. */
    public static String syncWorkflowId(String flow) {
        return syncWorkflowId(ACCORD, flow);
    }

    /** Workflow id of a flow's sync on {@code taskQueue}. */
    public static String syncWorkflowId(String taskQueue, String flow) {
        return workflowId(taskQueue, WorkflowIds.sync(flow));
    }
}
