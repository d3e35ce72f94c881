package dev.accord.workflows.activities;

import dev.accord.core.page.PageRef;
import dev.accord.core.page.SourceRecord;
import java.util.List;

/**
 * A page of a sync's source records to take through boundary, hub and targets.
 *
 * @param source the flow's source, where repairs go
 * @param targets the flow's targets
 * @param dryRun decide and plan the writes, write nothing
 */
public record PageRequest(PageRef page, List<SourceRecord> records, String source, List<String> targets, boolean dryRun) {}
