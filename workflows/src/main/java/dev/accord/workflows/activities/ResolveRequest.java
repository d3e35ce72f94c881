package dev.accord.workflows.activities;

import dev.accord.core.record.SourceChange;
import java.util.List;

/** Resolve a page of canonical changes against the golden records. */
public record ResolveRequest(PageRef page, List<SourceChange> changes, boolean dryRun) {}
