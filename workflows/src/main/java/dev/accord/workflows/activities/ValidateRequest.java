package dev.accord.workflows.activities;

import java.util.List;

/** Map, normalise and validate a page of source records. */
public record ValidateRequest(PageRef page, List<SourceRecord> records, boolean dryRun) {}
