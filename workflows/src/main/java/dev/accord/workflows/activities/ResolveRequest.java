package dev.accord.workflows.activities;

import dev.accord.core.page.PageRef;
import dev.accord.core.record.SourceChange;
import java.util.List;

/**
 * Resolve a page of canonical changes against the golden records.
 *
 * @param deliverAll deliver every key of the page to the targets, changed or not (a backfill reconciles
 *     targets with the golden records: rows that already match are left untouched)
 */
public record ResolveRequest(PageRef page, List<SourceChange> changes, boolean dryRun, boolean deliverAll) {

    public ResolveRequest(PageRef page, List<SourceChange> changes, boolean dryRun) {
        this(page, changes, dryRun, false);
    }
}
