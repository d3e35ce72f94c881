package dev.accord.workflows.activities;

import dev.accord.core.page.PageRef;
import dev.accord.core.page.SourceRecord;
import java.util.List;

/** Map, normalise and validate a page of source records. */
public record ValidateRequest(PageRef page, List<SourceRecord> records, boolean dryRun) {}
