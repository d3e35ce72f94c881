package dev.accord.workflows.activities;

import dev.accord.core.page.PageRef;
import java.util.List;

/**
 * One page of a backfill chunk, run through the whole pipeline in one activity: read up to {@code limit}
 * rows of the chunk after {@code progress.lastKeyDone()} (or the chunk's start), validate, resolve with
 * every key delivered, write to every target, and save the chunk's progress.
 *
 * @param page where the page belongs: flow, run and page number
 * @param progress the chunk's progress before this page (its range bounds the read)
 * @param source the flow's source system, which gets the repairs
 * @param targets the flow's targets
 */
public record BackfillPageRequest(PageRef page, ChunkProgress progress, int limit, String source, List<String> targets,
                                  boolean dryRun) {

    /** The key the page reads after. */
    public String after() {
        return progress.lastKeyDone() != null ? progress.lastKeyDone() : progress.range().afterKey();
    }
}
