package dev.accord.workflows.backfill;

import dev.accord.core.page.PageRef;
import dev.accord.workflows.activities.BackfillPageRequest;
import dev.accord.workflows.activities.BackfillPageResult;
import dev.accord.workflows.activities.ChunkProgress;
import dev.accord.workflows.activities.ExtractRangeRequest;
import dev.accord.workflows.activities.ExtractedPage;
import dev.accord.workflows.activities.KeyRange;
import dev.accord.workflows.runs.RunAttributes;
import dev.accord.workflows.runs.RunState;
import dev.accord.workflows.runs.Timers;
import dev.accord.workflows.sync.ActivityStubs;
import dev.accord.workflows.sync.PagePipeline;
import dev.accord.workflows.sync.Tally;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.List;

/**
 * Reloads one chunk's key range page by page through the same boundary, hub and targets as a sync, delivering
 * every key, and saves its progress after each page, so a restarted chunk continues where it was and a done
 * chunk returns at once. Renews itself with continue-as-new when its history grows (progress is in the store).
 *
 * <p>Each page runs as one activity ({@code RunPage}) that returns counts and the records not applied as-is, not
 * the records themselves: a backfill moves millions of
 * records, and carrying them through the history (extract → validate → resolve → apply, five activities a
 * page) cost more than the work and kept every record in the Temporal server's memory. Only what needs the
 * workflow comes back to it: reviews to open, and deliveries held by the kill switch or an open circuit,
 * which it retries on a durable timer. Chunks recorded before this ran the steps one activity each; they
 * replay that way ({@link #WHOLE_PAGES}).
 */
public class BackfillChunkWorkflowImpl implements BackfillChunkWorkflow {

    /** Pages of chunk n are numbered n × PAGE_BLOCK + 1, + 2, …, unique within the backfill's run. */
    static final long PAGE_BLOCK = 1_000_000L;
    /** While the source is unavailable (open circuit breaker, throttling), read again after this long. */
    static final Duration SOURCE_HOLD_RECHECK = Duration.ofSeconds(10);
    /** Version marker: from version 1 a page is one activity instead of one per step. */
    static final String WHOLE_PAGES = "backfill-page-as-one-activity";

    private final ActivityStubs activities = new ActivityStubs();
    private RunAttributes attributes;
    private boolean paused;
    private boolean stopped;

    @Override
    public ChunkResult run(ChunkInput input) {
        attributes = RunAttributes.ofCurrentRun();
        attributes.state(RunState.RUNNING.label());
        ChunkResult result = runChunk(input);
        attributes.state(result.state());
        return result;
    }

    private ChunkResult runChunk(ChunkInput input) {
        int version = Workflow.getVersion(WHOLE_PAGES, Workflow.DEFAULT_VERSION, 1);
        Tally tally = new Tally(null);
        PagePipeline pipeline = new PagePipeline(activities, tally, state -> { });
        ChunkProgress progress = activities.backfill.chunkProgress(input.run().runId(), input.chunk(), input.range());
        if (progress.done()) {
            return new ChunkResult(input.chunk(), progress.pages(), progress.records(), tally.snapshot(), "done");
        }
        return version == Workflow.DEFAULT_VERSION ? runStepByStep(input, progress, tally, pipeline)
                : runWholePages(input, progress, tally, pipeline);
    }

    private ChunkResult runWholePages(ChunkInput input, ChunkProgress progress, Tally tally, PagePipeline pipeline) {
        ChunkProgress done = new ChunkProgress(input.run().runId(), input.chunk(), input.range(), progress.lastKeyDone(),
                progress.pages(), progress.records(), false);
        boolean more = true;
        while (more) {
            Workflow.await(() -> !paused || stopped);
            if (stopped) {
                return new ChunkResult(input.chunk(), done.pages(), done.records(), tally.snapshot(), "stopped");
            }
            PageRef ref = new PageRef(input.flow(), input.run(), input.chunk() * PAGE_BLOCK + done.pages() + 1);
            BackfillPageResult page = activities.backfillPage("page " + (done.pages() + 1) + " of chunk " + input.chunk())
                    .runPage(new BackfillPageRequest(ref, done, input.batchSize(), input.source(), input.targets(), input.dryRun()));
            if (page.held()) {
                Timers.await(SOURCE_HOLD_RECHECK, "waiting for source " + input.source(), () -> stopped);
                continue;
            }
            if (page.records() == 0) {
                break;
            }
            page.counts().forEach(tally::add);
            pipeline.openReviews(input.flow(), page.reviews(), page.reviewTerms());
            page.undelivered().forEach((system, keys) -> pipeline.deliver(List.of(system), ref, keys, input.dryRun()));
            done = new ChunkProgress(done.runId(), done.chunk(), done.range(), page.lastKey(), done.pages() + 1,
                    done.records() + page.records(), false);
            if (!input.dryRun() && !page.progressSaved()) {
                activities.backfill.saveChunkProgress(done);
            }
            more = page.hasMore();
            if (more && Workflow.getInfo().isContinueAsNewSuggested()) {
                attributes.continueAsNew(input);
            }
        }
        String after = done.lastKeyDone() != null ? done.lastKeyDone() : input.range().afterKey();
        return finished(input, after, done.pages(), done.records(), tally);
    }

    /** How chunks recorded before {@link #WHOLE_PAGES} ran: one activity per step, the records in the history. */
    private ChunkResult runStepByStep(ChunkInput input, ChunkProgress progress, Tally tally, PagePipeline pipeline) {
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
                attributes.continueAsNew(input);
            }
        }
        return finished(input, after, pages, records, tally);
    }

    private ChunkResult finished(ChunkInput input, String after, long pages, long records, Tally tally) {
        if (!input.dryRun()) {
            activities.backfill.saveChunkProgress(new ChunkProgress(input.run().runId(), input.chunk(), input.range(), after,
                    pages, records, true));
        }
        return new ChunkResult(input.chunk(), pages, records, tally.snapshot(), "done");
    }

    @Override
    public void pause() {
        paused = true;
        showState(RunState.PAUSED);
    }

    @Override
    public void resume() {
        paused = false;
        showState(RunState.RUNNING);
    }

    private void showState(RunState state) {
        if (attributes != null) {
            attributes.state(state.label());
        }
    }

    @Override
    public void stop() {
        stopped = true;
    }
}
