package dev.accord.workflows.activities;

/** The sync the catch-up signalled or started: {@code sync/<flow>} and the run id it has now. */
public record CatchUpResult(String workflowId, String runId) {}
