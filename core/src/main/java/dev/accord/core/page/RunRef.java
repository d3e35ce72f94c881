package dev.accord.core.page;

/**
 * Identifies one Accord run: the workflow id, the run id of its first execution (stable across
 * continue-as-new, used for rollback and the audit trail) and the current execution's run id (to open
 * it in the Temporal UI).
 */
public record RunRef(String workflowId, String runId, String executionRunId) {}
