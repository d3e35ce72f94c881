package dev.accord.workflows;

/** Names that the worker, the CLI and operators using the Temporal UI/CLI must agree on. */
public final class TaskQueues {

    /** The task queue every Accord workflow and activity runs on. */
    public static final String ACCORD = "accord";

    private TaskQueues() {}

    /** Workflow id of a flow's sync: {@code sync/<flow>}, so at most one sync per flow runs at a time. */
    public static String syncWorkflowId(String flow) {
        return "sync/" + flow;
    }
}
