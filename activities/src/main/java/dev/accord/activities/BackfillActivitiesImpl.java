package dev.accord.activities;

import dev.accord.connectors.ConnectorFactory;
import dev.accord.connectors.SourcePage;
import dev.accord.core.contract.FlowSpec;
import dev.accord.core.page.Cursor;
import dev.accord.core.page.SourceRecord;
import dev.accord.engine.CompiledContract;
import dev.accord.engine.Holds;
import dev.accord.engine.PageFlow;
import dev.accord.engine.telemetry.Telemetry;
import dev.accord.store.AccordStore;
import dev.accord.workflows.activities.BackfillActivities;
import dev.accord.workflows.activities.BackfillPageRequest;
import dev.accord.workflows.activities.BackfillPageResult;
import dev.accord.workflows.activities.ChunkProgress;
import dev.accord.workflows.activities.ExtractRangeRequest;
import dev.accord.workflows.activities.ExtractedPage;
import dev.accord.workflows.activities.KeyRange;
import dev.accord.workflows.activities.PlanChunksRequest;
import io.temporal.activity.Activity;
import java.util.ArrayList;
import java.util.List;

/** Backfill steps: chunk planning, key-range reads from the source, whole pages, chunk progress in the store. */
public final class BackfillActivitiesImpl implements BackfillActivities {

    private final CompiledContract compiled;
    private final AccordStore store;
    private final SourceReads reads;
    private final BackfillPages pages;
    private final PageBudget budget;
    private final Limits limits;

    public BackfillActivitiesImpl(CompiledContract compiled, AccordStore store, ConnectorFactory connectors, Telemetry telemetry, PageFlow flow,
                                  Limits limits) {
        this.compiled = compiled;
        this.store = store;
        this.limits = limits;
        this.budget = new PageBudget(limits);
        this.reads = new SourceReads(connectors, telemetry);
        this.pages = new BackfillPages(store, this::read, flow);
    }

    @Override
    public List<KeyRange> planChunks(PlanChunksRequest request) {
        return Failures.translated(() -> {
            List<String> boundaries = reads.chunkBoundaries(compiled.contract().flow(request.flow()), request.range().afterKey(),
                    request.range().lastKey(), request.rowsPerChunk());
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
        return Failures.translated(() -> pages.run(request, () -> Activity.getExecutionContext().heartbeat(request.page().page()),
                Attempts.isolating(limits)));
    }

    /** A key range's next rows, within the payload budget ({@link PageBudget}), as the sync's extract reads them. */
    private ExtractedPage read(ExtractRangeRequest request) {
        return Holds.holdingWhileUnavailable(() -> {
            FlowSpec flow = compiled.contract().flow(request.flow());
            SourcePage page = reads.range(flow, request.range().afterKey(), request.range().lastKey(), request.limit());
            List<SourceRecord> records = budget.records(page);
            for (int fitting = budget.fitting(records); fitting < records.size(); fitting = budget.fitting(records)) {
                page = reads.range(flow, request.range().afterKey(), request.range().lastKey(), fitting);
                records = budget.records(page);
            }
            return new ExtractedPage(records, new Cursor(null, page.next().key()), page.hasMore(), Cursor.BEGINNING);
        }, unavailable -> ExtractedPage.heldAt(new Cursor(null, request.range().afterKey())));
    }

    @Override
    public ChunkProgress chunkProgress(String runId, int chunk, KeyRange range) {
        return store.inTransaction(c -> store.backfillChunks().load(c, runId, chunk).map(ChunkRows::progress)
                .orElse(new ChunkProgress(runId, chunk, range, null, 0, 0, false)));
    }

    @Override
    public void saveChunkProgress(ChunkProgress progress) {
        store.inTransaction(c -> {
            store.backfillChunks().save(c, ChunkRows.row(progress));
            return null;
        });
    }
}
