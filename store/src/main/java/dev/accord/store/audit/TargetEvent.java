package dev.accord.store.audit;

/**
 * One write Accord made to a target row (from the change log): the operation, the before and after images,
 * the row versions, its status (applied, reverted, conflict, …) and the run.
 */
public record TargetEvent(String target, String operation, String before, String after, Long beforeVersion, Long afterVersion,
                          String status, String runId, String workflowId) {}
