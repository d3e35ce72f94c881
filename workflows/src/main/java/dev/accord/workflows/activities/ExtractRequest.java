package dev.accord.workflows.activities;

/** Read up to {@code limit} changes of the flow's source after {@code after}. */
public record ExtractRequest(String flow, Cursor after, int limit) {}
