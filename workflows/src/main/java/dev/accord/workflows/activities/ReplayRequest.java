package dev.accord.workflows.activities;

import dev.accord.core.page.PageRef;
import java.util.List;

/**
 * Replay these quarantine entries as one page of the replay's run.
 *
 * @param requestedBy who asked for the replay, recorded with each entry
 */
public record ReplayRequest(PageRef page, List<Long> ids, String requestedBy) {}
