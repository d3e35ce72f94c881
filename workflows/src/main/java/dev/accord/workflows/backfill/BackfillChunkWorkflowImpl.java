package dev.accord.workflows.backfill;

import dev.accord.workflows.activities.ChunkProgress;
import dev.accord.workflows.activities.ExtractRangeRequest;
import dev.accord.workflows.activities.ExtractedPage;
import dev.accord.workflows.activities.KeyRange;
import dev.accord.workflows.activities.PageRef;
import dev.accord.workflows.sync.ActivityStubs;
import dev.accord.workflows.sync.PagePipeline;
import dev.accord.workflows.sync.Tally;
import io.temporal.workflow.Workflow;

/**
 * Reloads one chunk's key range page by page through the same pipeline as a sync, delivering every key,
 * and saves its progress after each page, so a restarted chunk continues where it was and a done chunk
 * returns at once. Renews itself with continue-as-new when its history grows (progress is in the store).
 */
public class BackfillChunkWorkflowImpl implements BackfillChunkWorkflow {

    /** Pages of chunk n are numbered n × PAGE_BLOCK + 1, + 2, …, unique within the backfill's run. */
    static final long PAGE_BLOCK = 1_000_000L;
    /** While the source is unavailable (open circuit breaker, throttling), read again after this long. */
    static final java.time.Duration SOURCE_HOLD_RECHECK = java.time.Duration.ofSeconds(10);

    private final ActivityStubs activities = new ActivityStubs();
    private boolean paused;
    private boolean stopped;

    @Override
    public ChunkResult run(ChunkInput input) {
        Tally tally = new Tally(null);
        PagePipeline pipeline = new PagePipeline(activities, tally, state -> { });
        ChunkProgress progress = activities.backfill.chunkProgress(input.run().runId(), input.chunk(), input.range());
        if (progress.done()) {
            return new ChunkResult(input.chunk(), progress.pages(), progress.records(), tally.snapshot(), "done");
        }
        String after = progress.lastKeyDone() != null ? progress.lastKeyDone() : input.range().afterKey();
        long pages = progress.pages();
        long records = progress.records();
        boolean more = true;
        while (more) {
            Workflow.await(() -> !paused || stopped);
            if (stopped) {
                return new ChunkResult(input.chunk(), pages, records, tally.snapshot(), "stopped");
            }
            ExtractedPage page = activities.backfill.extractRange(new ExtractRangeRequest(input.flow(),
                    new KeyRange(after, input.range().lastKey()), input.batchSize()));
            if (page.held()) {
                Workflow.await(SOURCE_HOLD_RECHECK, () -> stopped);
                continue;
            }
            if (page.hasNoRecords()) {
                break;
            }
            pages++;
            PageRef ref = new PageRef(input.flow(), input.run(), input.chunk() * PAGE_BLOCK + pages);
            pipeline.process(ref, page.records(), input.source(), input.targets(), input.dryRun(), true);
            after = page.next().key();
            records += page.records().size();
            more = page.hasMore();
            if (!input.dryRun()) {
                activities.backfill.saveChunkProgress(new ChunkProgress(input.run().runId(), input.chunk(), input.range(), after,
                        pages, records, false));
            }
            if (more && Workflow.getInfo().isContinueAsNewSuggested()) {
                Workflow.continueAsNew(input);
            }
        }
        if (!input.dryRun()) {
            activities.backfill.saveChunkProgress(new ChunkProgress(input.run().runId(), input.chunk(), input.range(), after,
                    pages, records, true));
        }
        return new ChunkResult(input.chunk(), pages, records, tally.snapshot(), "done");
    }

    @Override
    public void pause() {
        paused = true;
    }

    @Override
    public void resume() {
        paused = false;
    }

    @Override
    public void stop() {
        stopped = true;
    }
}
