package dev.accord.workflows.activities;

/** Record that a page is fully applied: the flow continues after {@code cursor}. */
public record CheckpointRequest(PageRef page, Cursor cursor, Cursor sourceHead) {}
