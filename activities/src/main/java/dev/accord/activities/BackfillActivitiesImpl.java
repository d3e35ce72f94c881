package dev.accord.activities;

import dev.accord.activities.hub.Hub;
import dev.accord.activities.hub.SyncContext;
import dev.accord.activities.hub.TargetApplier;
import dev.accord.connectors.SourceConnector;
import dev.accord.connectors.SourcePage;
import dev.accord.core.contract.FlowSpec;
import dev.accord.workflows.activities.BackfillActivities;
import dev.accord.workflows.activities.BackfillPageRequest;
import dev.accord.workflows.activities.BackfillPageResult;
import dev.accord.workflows.activities.ChunkProgress;
import dev.accord.workflows.activities.Cursor;
import dev.accord.workflows.activities.ExtractRangeRequest;
import dev.accord.workflows.activities.ExtractedPage;
import dev.accord.workflows.activities.KeyRange;
import dev.accord.workflows.activities.PlanChunksRequest;
import dev.accord.workflows.activities.SourceRecord;
import io.temporal.activity.Activity;
import java.util.ArrayList;
import java.util.List;

/** Backfill steps: chunk planning, key-range reads from the source, whole pages, chunk progress in the store. */
public final class BackfillActivitiesImpl implements BackfillActivities {

    private final SyncContext context;
    private final BackfillPages pages;

    public BackfillActivitiesImpl(SyncContext context, Hub hub, TargetApplier applier) {
        this.context = context;
        this.pages = new BackfillPages(context, this::read, hub, applier);
    }

    @Override
    public List<KeyRange> planChunks(PlanChunksRequest request) {
        return Failures.translated(() -> {
            List<String> boundaries = source(request.flow()).chunkBoundaries(request.range().afterKey(), request.range().lastKey(),
                    request.rowsPerChunk());
            List<KeyRange> ranges = new ArrayList<>();
            String after = request.range().afterKey();
            for (String boundary : boundaries) {
                ranges.add(new KeyRange(after, boundary));
                after = boundary;
            }
            if (request.range().lastKey() == null || !request.range().lastKey().equals(after)) {
                ranges.add(new KeyRange(after, request.range().lastKey()));
            }
            return ranges;
        });
    }

    @Override
    public ExtractedPage extractRange(ExtractRangeRequest request) {
        return Failures.translated(() -> read(request));
    }

    @Override
    public BackfillPageResult runPage(BackfillPageRequest request) {
        return Failures.translated(() -> pages.run(request, () -> Activity.getExecutionContext().heartbeat(request.page().page())));
    }

    private ExtractedPage read(ExtractRangeRequest request) {
        return Holds.holdingWhileUnavailable(() -> {
            SourcePage page = source(request.flow()).readKeyRange(request.range().afterKey(), request.range().lastKey(), request.limit());
            return new ExtractedPage(page.rows().stream()
                    .map(r -> new SourceRecord(r.key(), r.sourceVersion(), r.timestamp(), r.deleted(), r.columns(), r.malformed())).toList(),
                    new Cursor(null, page.next().key()), page.hasMore(), Cursor.BEGINNING);
        }, unavailable -> ExtractedPage.heldAt(new Cursor(null, request.range().afterKey())));
    }

    @Override
    public ChunkProgress chunkProgress(String runId, int chunk, KeyRange range) {
        return context.store().inTransaction(c -> context.store().backfillChunks().load(c, runId, chunk)
                .orElse(new ChunkProgress(runId, chunk, range, null, 0, 0, false)));
    }

    @Override
    public void saveChunkProgress(ChunkProgress progress) {
        context.store().inTransaction(c -> {
            context.store().backfillChunks().save(c, progress);
            return null;
        });
    }

    private SourceConnector source(String flowName) {
        FlowSpec flow = context.contract().flow(flowName);
        return context.connectors().source(flow.source(), flow.domain());
    }
}
