package dev.accord.workflows.activities;

import dev.accord.core.page.Cursor;
import dev.accord.core.page.PageRef;

/** Record that a page is fully applied: the flow continues after {@code cursor}. */
public record CheckpointRequest(PageRef page, Cursor cursor, Cursor sourceHead) {}
