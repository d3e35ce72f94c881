package dev.accord.activities;

import dev.accord.activities.hub.Boundary;
import dev.accord.activities.hub.Hub;
import dev.accord.activities.hub.SyncContext;
import dev.accord.activities.hub.TargetApplier;
import dev.accord.workflows.activities.AppliedPage;
import dev.accord.workflows.activities.ApplyRequest;
import dev.accord.workflows.activities.BackfillPageRequest;
import dev.accord.workflows.activities.BackfillPageResult;
import dev.accord.workflows.activities.ChunkProgress;
import dev.accord.workflows.activities.ExtractRangeRequest;
import dev.accord.workflows.activities.ExtractedPage;
import dev.accord.workflows.activities.KeyRange;
import dev.accord.workflows.activities.PageRef;
import dev.accord.workflows.activities.ResolvedPage;
import dev.accord.workflows.activities.ValidateRequest;
import dev.accord.workflows.activities.ValidatedPage;
import dev.accord.workflows.sync.Tally;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One backfill page through the whole pipeline, in-process: read the chunk's next rows, the boundary
 * (validate, normalise, quarantine), the hub (resolve with ownership, every key delivered), each target and
 * the repairs back to the source (compare-and-set writes with the change log), then the chunk's progress.
 * The same components as the step-by-step activities, in the same order, so a retried page is exactly as
 * safe: the hub returns the decisions it recorded for the page and the writes settle by compare-and-set.
 * A system held by the kill switch or an open circuit is left to the workflow, with the keys it still needs.
 */
final class BackfillPages {

    private final SyncContext context;
    private final RangeReader reader;
    private final Boundary boundary;
    private final Hub hub;
    private final TargetApplier applier;

    /** Reads a flow's source by key range; a held page when the source is unavailable for now. */
    interface RangeReader {
        ExtractedPage read(ExtractRangeRequest request);
    }

    BackfillPages(SyncContext context, RangeReader reader, Hub hub, TargetApplier applier) {
        this.context = context;
        this.reader = reader;
        this.boundary = new Boundary(context);
        this.hub = hub;
        this.applier = applier;
    }

    /** @param progress called after each step, for heartbeats */
    BackfillPageResult run(BackfillPageRequest request, Runnable progress) {
        ChunkProgress before = request.progress();
        ExtractedPage page = reader.read(new ExtractRangeRequest(request.page().flow(), new KeyRange(request.after(),
                before.range().lastKey()), request.limit()));
        if (page.held()) {
            return BackfillPageResult.heldSource();
        }
        if (page.hasNoRecords()) {
            return BackfillPageResult.noMoreRows();
        }
        PageRef ref = request.page();
        Tally tally = new Tally(null);
        ValidatedPage validated = boundary.validate(new ValidateRequest(ref, page.records(), request.dryRun()));
        ResolvedPage resolved = hub.resolve(ref, validated.changes(), request.dryRun(), true);
        tally.decided(validated.quarantined(), resolved);
        progress.run();
        Map<String, List<String>> undelivered = new LinkedHashMap<>();
        if (!resolved.deliveries().isEmpty()) {
            request.targets().forEach(target -> deliver(ref, target, resolved.deliveries(), request.dryRun(), tally, undelivered, progress));
        }
        if (resolved.needsRepairs()) {
            deliver(ref, request.source(), resolved.repairs(), request.dryRun(), tally, undelivered, progress);
        }
        String lastKey = page.next().key();
        boolean saved = !request.dryRun() && undelivered.isEmpty();
        if (saved) {
            ChunkProgress after = new ChunkProgress(before.runId(), before.chunk(), before.range(), lastKey, before.pages() + 1,
                    before.records() + page.records().size(), false);
            context.store().inTransaction(c -> {
                context.store().backfillChunks().save(c, after);
                return null;
            });
        }
        return new BackfillPageResult(false, page.records().size(), lastKey, page.hasMore(), tally.snapshot(),
                resolved.reviews() == null ? List.of() : resolved.reviews(),
                resolved.reviewTerms() == null ? Map.of() : resolved.reviewTerms(), undelivered, saved);
    }

    private void deliver(PageRef ref, String system, List<String> keys, boolean dryRun, Tally tally,
                         Map<String, List<String>> undelivered, Runnable progress) {
        AppliedPage applied = Holds.holdingWhileUnavailable(() -> applier.apply(new ApplyRequest(ref, system, keys, dryRun), progress),
                unavailable -> new AppliedPage(system, List.of(), true));
        if (applied.held()) {
            undelivered.put(system, keys);
        } else {
            tally.target(applied);
        }
    }
}
