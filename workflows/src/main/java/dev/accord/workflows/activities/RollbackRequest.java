package dev.accord.workflows.activities;

/** Revert what one run wrote, newest first, from the change log. */
public record RollbackRequest(String flow, String runId) {}
