package dev.accord.workflows.sync;

import dev.accord.core.page.AppliedPage;
import dev.accord.core.page.Cursor;
import dev.accord.core.page.FlowPlan;
import dev.accord.core.page.PageRef;
import dev.accord.core.page.RecordOutcome;
import dev.accord.core.page.ResolvedPage;
import dev.accord.core.page.SourceRecord;
import dev.accord.core.page.TargetOutcome;
import dev.accord.core.page.ValidatedPage;
import dev.accord.core.quality.VerifyResult;
import dev.accord.core.record.SourceChange;
import dev.accord.core.resolve.Decision;
import dev.accord.core.review.ReviewDecision;
import dev.accord.core.review.ReviewOutcome;
import dev.accord.core.rollback.RollbackResult;
import dev.accord.core.rollback.RollbackScope;
import dev.accord.workflows.activities.ApplyActivities;
import dev.accord.workflows.activities.ApplyRequest;
import dev.accord.workflows.activities.BackfillActivities;
import dev.accord.workflows.activities.BackfillPageRequest;
import dev.accord.workflows.activities.BackfillPageResult;
import dev.accord.workflows.activities.CheckpointRequest;
import dev.accord.workflows.activities.ChunkProgress;
import dev.accord.workflows.activities.ExtractActivities;
import dev.accord.workflows.activities.ExtractRangeRequest;
import dev.accord.workflows.activities.ExtractRequest;
import dev.accord.workflows.activities.ExtractedPage;
import dev.accord.workflows.activities.FinishRunRequest;
import dev.accord.workflows.activities.KeyRange;
import dev.accord.workflows.activities.PageActivities;
import dev.accord.workflows.activities.PageExceptions;
import dev.accord.workflows.activities.PageRequest;
import dev.accord.workflows.activities.PageResult;
import dev.accord.workflows.activities.PlanChunksRequest;
import dev.accord.workflows.activities.RecordDecision;
import dev.accord.workflows.activities.ResolveActivities;
import dev.accord.workflows.activities.ResolveRequest;
import dev.accord.workflows.activities.ReviewActivities;
import dev.accord.workflows.activities.RollbackActivities;
import dev.accord.workflows.activities.RollbackRequest;
import dev.accord.workflows.activities.RunActivities;
import dev.accord.workflows.activities.StartRunRequest;
import dev.accord.workflows.activities.ValidateActivities;
import dev.accord.workflows.activities.ValidateRequest;
import dev.accord.workflows.activities.VerifyActivities;
import dev.accord.workflows.activities.VerifyRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory flow for tests of the workflow's control flow: a source of numbered records (more can be
 * added while a run waits), a target that records what it was given, and the bookkeeping a run does.
 */
public final class FakeFlow implements ExtractActivities, ValidateActivities, ResolveActivities, ApplyActivities, RunActivities,
        RollbackActivities, BackfillActivities, VerifyActivities, ReviewActivities, PageActivities {

    public final List<SourceRecord> source = new CopyOnWriteArrayList<>();
    public final List<String> delivered = new CopyOnWriteArrayList<>();
    public final List<Cursor> checkpoints = new CopyOnWriteArrayList<>();
    public final List<String> finishedStates = new CopyOnWriteArrayList<>();
    public final List<String> rolledBack = new CopyOnWriteArrayList<>();
    public final Map<Integer, ChunkProgress> chunkProgress = new java.util.concurrent.ConcurrentHashMap<>();
    public final AtomicInteger extractCalls = new AtomicInteger();
    public final AtomicInteger heldApplies = new AtomicInteger();
    public final AtomicInteger pageRuns = new AtomicInteger();
    public volatile boolean continuous;
    public volatile String brokenConfiguration;
    public volatile long extractDelayMillis;
    public final List<String> brokenInTargets = new CopyOnWriteArrayList<>();
    public final List<List<String>> verified = new CopyOnWriteArrayList<>();
    public final List<String> parkFor = new CopyOnWriteArrayList<>();
    public final List<ReviewDecision> decisions = new CopyOnWriteArrayList<>();
    public final List<String> escalations = new CopyOnWriteArrayList<>();

    public void addRecords(int count) {
        int start = source.size();
        for (int i = start; i < start + count; i++) {
            source.add(new SourceRecord(String.format("C%06d", i), i + 1, Instant.parse("2024-01-01T00:00:00Z").plusSeconds(i),
                    false, Map.of("id", String.format("C%06d", i), "email", "customer" + i + "@example.com")));
        }
    }

    @Override
    public FlowPlan startRun(StartRunRequest request) {
        Cursor checkpoint = checkpoints.isEmpty() ? Cursor.BEGINNING : checkpoints.get(checkpoints.size() - 1);
        return new FlowPlan(request.flow(), "customer", "crm", List.of("billing", "support"), continuous, 60_000,
                request.batchSize() == null ? 10 : request.batchSize(), "sha256:test", "1", 1, checkpoint);
    }

    @Override
    public ExtractedPage extract(ExtractRequest request) {
        extractCalls.incrementAndGet();
        if (brokenConfiguration != null) {
            throw io.temporal.failure.ApplicationFailure.newNonRetryableFailure(brokenConfiguration, "ConfigurationError");
        }
        int from = request.after().atBeginning() ? 0 : Integer.parseInt(request.after().position());
        int to = Math.min(source.size(), from + request.limit());
        List<SourceRecord> page = new ArrayList<>(source.subList(from, to));
        Cursor next = page.isEmpty() ? request.after() : new Cursor(String.valueOf(to), page.get(page.size() - 1).key());
        return new ExtractedPage(page, next, to - from == request.limit(), new Cursor(String.valueOf(source.size()), null));
    }

    @Override
    public ValidatedPage validate(ValidateRequest request) {
        List<SourceChange> changes = request.records().stream()
                .map(r -> SourceChange.upsert("crm", "customer", r.key(), r.sourceVersion(), r.timestamp(), Map.of())).toList();
        return new ValidatedPage(changes, List.of());
    }

    @Override
    public ResolvedPage resolve(ResolveRequest request) {
        List<RecordOutcome> outcomes = request.changes().stream()
                .map(c -> new RecordOutcome(c.key(), c.dedupKey().asText(), Decision.APPLIED, List.of(), null)).toList();
        List<String> reviews = request.changes().stream().map(SourceChange::key).filter(parkFor::contains)
                .map(k -> "customer/" + k + "/phone").toList();
        return new ResolvedPage(outcomes, request.changes().stream().map(SourceChange::key).toList(), List.of(), Map.of(), reviews);
    }

    @Override
    public AppliedPage apply(ApplyRequest request) {
        if (heldApplies.get() > 0) {
            heldApplies.decrementAndGet();
            return new AppliedPage(request.target(), List.of(), true);
        }
        request.keys().forEach(k -> delivered.add(request.target() + ":" + k));
        return new AppliedPage(request.target(), request.keys().stream()
                .map(k -> new TargetOutcome(k, TargetOutcome.Status.WRITTEN, 1L, 2L, "update")).toList(), false);
    }

    @Override
    public void checkpoint(CheckpointRequest request) {
        checkpoints.add(request.cursor());
    }

    @Override
    public void finishRun(FinishRunRequest request) {
        finishedStates.add(request.state());
    }


    @Override
    public ReviewOutcome decide(ReviewDecision decision) {
        decisions.add(decision);
        String key = decision.reviewId().split("/")[1];
        return new ReviewOutcome(decision.reviewId(), decision.action() + "d", "crm-customers", key, List.of("crm"));
    }

    @Override
    public void escalate(String reviewId) {
        escalations.add(reviewId);
    }

    @Override
    public VerifyResult verify(VerifyRequest request) {
        verified.add(request.keys());
        List<String> mismatches = request.keys().stream().filter(brokenInTargets::contains).map(k -> "billing/" + k + ": differs").toList();
        return new VerifyResult(request.keys().size() * request.targets().size(), mismatches);
    }

    @Override
    public List<String> runsToRevert(RollbackScope scope) {
        return scope.runId() != null ? List.of(scope.runId()) : List.of("run-b", "run-a");
    }

    @Override
    public List<KeyRange> planChunks(PlanChunksRequest request) {
        List<KeyRange> ranges = new ArrayList<>();
        String after = null;
        for (int i = request.rowsPerChunk() - 1; i < source.size(); i += request.rowsPerChunk()) {
            String last = source.get(i).key();
            ranges.add(new KeyRange(after, last));
            after = last;
        }
        ranges.add(new KeyRange(after, null));
        return ranges;
    }

    @Override
    public ExtractedPage extractRange(ExtractRangeRequest request) {
        extractCalls.incrementAndGet();
        pause(extractDelayMillis);
        List<SourceRecord> page = source.stream()
                .filter(r -> request.range().afterKey() == null || r.key().compareTo(request.range().afterKey()) > 0)
                .filter(r -> request.range().lastKey() == null || r.key().compareTo(request.range().lastKey()) <= 0)
                .limit(request.limit()).toList();
        Cursor next = new Cursor(null, page.isEmpty() ? request.range().afterKey() : page.get(page.size() - 1).key());
        return new ExtractedPage(page, next, page.size() == request.limit(), Cursor.BEGINNING);
    }

    /** The page's steps in order, as the real activity runs them; a held apply leaves its keys to the workflow. */
    @Override
    public PageResult processPage(PageRequest request) {
        pageRuns.incrementAndGet();
        return page(request.page(), request.records(), request.targets(), request.dryRun(), false);
    }

    /** Validate, resolve and apply to each target, as the page activities do. */
    private PageResult page(PageRef ref, List<SourceRecord> records, List<String> targets, boolean dryRun, boolean deliverAll) {
        ResolvedPage resolved = resolve(new ResolveRequest(ref, validate(new ValidateRequest(ref, records, dryRun)).changes(), dryRun,
                deliverAll));
        Tally tally = new Tally(null);
        tally.records(resolved.records());
        Map<String, List<String>> undelivered = new java.util.LinkedHashMap<>();
        for (String target : targets) {
            AppliedPage applied = apply(new ApplyRequest(ref, target, resolved.deliveries(), dryRun));
            if (applied.held()) {
                undelivered.put(target, resolved.deliveries());
            } else {
                tally.target(applied);
            }
        }
        return new PageResult(resolved.records().stream().map(o -> new RecordDecision(o.key(), o.decision())).toList(), tally.snapshot(),
                resolved.reviews(), Map.of(), undelivered, PageExceptions.none());
    }

    @Override
    public BackfillPageResult runPage(BackfillPageRequest request) {
        pageRuns.incrementAndGet();
        ExtractedPage page = extractRange(new ExtractRangeRequest(request.page().flow(),
                new KeyRange(request.after(), request.progress().range().lastKey()), request.limit()));
        if (page.hasNoRecords()) {
            return BackfillPageResult.noMoreRows();
        }
        PageResult result = page(request.page(), page.records(), request.targets(), request.dryRun(), true);
        Map<String, List<String>> undelivered = result.undelivered();
        String last = page.next().key();
        boolean saved = !request.dryRun() && undelivered.isEmpty();
        if (saved) {
            ChunkProgress before = request.progress();
            saveChunkProgress(new ChunkProgress(before.runId(), before.chunk(), before.range(), last, before.pages() + 1,
                    before.records() + page.records().size(), false));
        }
        return new BackfillPageResult(false, page.records().size(), last, page.hasMore(), result.counts(), result.reviews(), Map.of(),
                undelivered, saved);
    }

    @Override
    public ChunkProgress chunkProgress(String runId, int chunk, KeyRange range) {
        return chunkProgress.getOrDefault(chunk, new ChunkProgress(runId, chunk, range, null, 0, 0, false));
    }

    @Override
    public void saveChunkProgress(ChunkProgress progress) {
        chunkProgress.put(progress.chunk(), progress);
    }

    private static void pause(long millis) {
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public RollbackResult revertRun(RollbackRequest request) {
        rolledBack.add(request.runId());
        return new RollbackResult(delivered.size(), 0, List.of());
    }
}
