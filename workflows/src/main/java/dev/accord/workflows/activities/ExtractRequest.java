package dev.accord.workflows.activities;

import dev.accord.core.page.Cursor;

/** Read up to {@code limit} changes of the flow's source after {@code after}. */
public record ExtractRequest(String flow, Cursor after, int limit) {}
