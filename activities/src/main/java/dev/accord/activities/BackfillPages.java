package dev.accord.activities;

import dev.accord.engine.PageFlow;
import dev.accord.store.AccordStore;
import dev.accord.workflows.activities.BackfillPageRequest;
import dev.accord.workflows.activities.BackfillPageResult;
import dev.accord.workflows.activities.ChunkProgress;
import dev.accord.workflows.activities.ExtractRangeRequest;
import dev.accord.workflows.activities.ExtractedPage;
import dev.accord.workflows.activities.KeyRange;
import dev.accord.workflows.activities.PageResult;

/**
 * One backfill page: the chunk's next rows read by key range, then the {@link PageFlow} (boundary, hub with every
 * key delivered, each target, the repairs back to the source), then the chunk's progress, saved once every delivery
 * landed. A system held by the kill switch or an open circuit is left to the workflow, with the keys it still needs.
 */
final class BackfillPages {

    private final AccordStore store;
    private final RangeReader reader;
    private final PageFlow flow;

    /** Reads a flow's source by key range; a held page when the source is unavailable for now. */
    interface RangeReader {
        ExtractedPage read(ExtractRangeRequest request);
    }

    BackfillPages(AccordStore store, RangeReader reader, PageFlow flow) {
        this.store = store;
        this.reader = reader;
        this.flow = flow;
    }

    /**
     * @param progress called after each step, for heartbeats
     * @param isolating the page has failed again and again: records that keep failing a step alone are quarantined as
     *     PROCESSING_FAILED and the rest of the page goes on
     */
    BackfillPageResult run(BackfillPageRequest request, Runnable progress, boolean isolating) {
        ChunkProgress before = request.progress();
        ExtractedPage page = reader.read(new ExtractRangeRequest(request.page().flow(), new KeyRange(request.after(),
                before.range().lastKey()), request.limit()));
        if (page.held()) {
            return BackfillPageResult.heldSource();
        }
        if (page.hasNoRecords()) {
            return BackfillPageResult.noMoreRows();
        }
        PageResult result = PageResults.of(flow.run(request.page(), page.records(),
                new PageFlow.Route(request.source(), request.targets(), request.dryRun(), true), progress, isolating));
        String lastKey = page.next().key();
        boolean saved = !request.dryRun() && result.undelivered().isEmpty();
        if (saved) {
            ChunkProgress after = new ChunkProgress(before.runId(), before.chunk(), before.range(), lastKey, before.pages() + 1,
                    before.records() + page.records().size(), false);
            store.inTransaction(c -> {
                store.backfillChunks().save(c, ChunkRows.row(after));
                return null;
            });
        }
        return new BackfillPageResult(false, page.records().size(), lastKey, page.hasMore(), result.counts(), result.reviews(),
                result.reviewTerms(), result.undelivered(), saved, result.exceptions());
    }
}
