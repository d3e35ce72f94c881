package dev.accord.workflows.activities;

/** Check one flow; {@code workflowId} and {@code runId} identify the check, recorded with its result. */
public record FreshnessRequest(String flow, String workflowId, String runId) {}
