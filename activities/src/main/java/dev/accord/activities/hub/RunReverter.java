package dev.accord.activities.hub;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accord.activities.store.AppliedChanges;
import dev.accord.activities.store.ChangeLog;
import dev.accord.activities.store.Checkpoints;
import dev.accord.activities.store.FieldHistory;
import dev.accord.activities.store.GoldenRecords;
import dev.accord.activities.store.Runs;
import dev.accord.activities.store.StoreJson;
import dev.accord.connectors.TargetConnector;
import dev.accord.connectors.TargetRow;
import dev.accord.connectors.WriteResult;
import dev.accord.core.change.ChangeSet;
import dev.accord.core.change.FieldChange;
import dev.accord.core.resolve.Resolver;
import dev.accord.workflows.activities.RollbackRequest;
import dev.accord.workflows.activities.RollbackResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reverts one run from the change log, newest write first: each target row goes back to its
 * before-image with compare-and-set on the version Accord wrote, and each golden record field goes back
 * where it still holds the run's value. Rows and fields someone else changed since are reported, never
 * overwritten. The run's dedup keys are forgotten, and so is the echo memory of the undone values at the
 * systems that sent them (a replay applies again); if the run was the last
 * to move the flow's checkpoint, the checkpoint goes back to where the run started. Idempotent.
 */
public final class RunReverter {

    /** Change-log entries and golden-record changes read and reverted at a time: memory stays flat however big the run. */
    private static final int PAGE = 500;

    private final SyncContext context;

    public RunReverter(SyncContext context) {
        this.context = context;
    }

    public RollbackResult revertRun(RollbackRequest request, Runnable progress) {
        Tally tally = new Tally();
        long before = Long.MAX_VALUE;
        while (true) {
            long after = before;
            List<ChangeLog.Entry> entries = context.store().inTransaction(c -> context.store().changeLog()
                    .forRunNewestFirst(c, request.runId(), after, PAGE));
            if (entries.isEmpty()) {
                break;
            }
            for (List<ChangeLog.Entry> wave : waves(entries)) {
                revertWave(wave, tally);
                progress.run();
            }
            before = entries.get(entries.size() - 1).id();
        }
        revertGolden(request.runId(), tally, progress);
        rewindCheckpoint(request);
        return new RollbackResult(tally.reverted, tally.alreadyReverted, tally.conflicts);
    }

    private void revertWave(List<ChangeLog.Entry> wave, Tally tally) {
        ChangeLog.Entry first = wave.get(0);
        TargetConnector connector = context.connectors().target(first.target(), first.domain());
        RestorePlanner planner = new RestorePlanner(new DeliveryPlanner(context.mapper(first.target(), first.domain()),
                context.contract().domain(first.domain()).key()));
        Map<String, TargetRow> rows = connector.readByKeys(wave.stream().map(ChangeLog.Entry::key).toList());
        Map<ChangeLog.Entry, RestorePlanner.Restore> restores = new LinkedHashMap<>();
        for (ChangeLog.Entry entry : wave) {
            if (ChangeLog.REVERTED.equals(entry.status())) {
                tally.alreadyReverted++;
            } else if (ChangeLog.APPLIED.equals(entry.status()) || ChangeLog.PENDING.equals(entry.status())) {
                restores.put(entry, planner.plan(entry, rows.get(entry.key())));
            }
        }
        List<WriteResult> results = connector.apply(restores.values().stream().flatMap(r -> r.writes().stream()).toList());
        context.store().inTransaction(c -> {
            int index = 0;
            Map<String, Map<String, JsonNode>> echoes = new HashMap<>();
            List<ChangeLog.Mark> marks = new ArrayList<>();
            for (Map.Entry<ChangeLog.Entry, RestorePlanner.Restore> item : restores.entrySet()) {
                ChangeLog.Entry entry = item.getKey();
                RestorePlanner.Restore restore = item.getValue();
                List<WriteResult> own = results.subList(index, index + restore.writes().size());
                index += restore.writes().size();
                String conflict = restore.conflict() != null ? restore.conflict()
                        : own.stream().anyMatch(r -> r.status() == WriteResult.Status.CONFLICT) ? "changed during the rollback" : null;
                if (conflict == null) {
                    marks.add(new ChangeLog.Mark(entry.id(), ChangeLog.REVERTED, null));
                    if (restore.already()) {
                        tally.alreadyReverted++;
                    } else {
                        tally.reverted++;
                    }
                    if (restore.restored() != null) {
                        echoes.put(entry.key(), restore.restored());
                    }
                } else {
                    marks.add(new ChangeLog.Mark(entry.id(), ChangeLog.ROLLBACK_CONFLICT, conflict));
                    tally.conflicts.add(entry.target() + "/" + entry.key() + ": " + conflict);
                }
            }
            context.store().changeLog().mark(c, marks);
            context.store().echoes().remember(c, first.target(), first.domain(), echoes);
            return null;
        });
    }

    /**
     * Reverts the golden records a page of changes at a time, newest change first, one transaction per page
     * (a page reads its records in one lookup); reports progress per page. The run's dedup keys are forgotten
     * last, so a rollback interrupted halfway finds the rest of its changes when it runs again.
     */
    private void revertGolden(String runId, Tally tally, Runnable progress) {
        long before = Long.MAX_VALUE;
        while (true) {
            long after = before;
            List<AppliedChanges.Numbered> page = context.store().inTransaction(c -> {
                List<AppliedChanges.Numbered> changed = context.store().applied().changedInRunNewestFirst(c, runId, after, PAGE);
                if (!changed.isEmpty()) {
                    revertGoldenBatch(c, changed.stream().map(AppliedChanges.Numbered::entry).toList(), tally);
                }
                return changed;
            });
            if (page.isEmpty()) {
                break;
            }
            before = page.get(page.size() - 1).seq();
            progress.run();
        }
        context.store().inTransaction(c -> context.store().applied().forgetRun(c, runId));
    }

    private void revertGoldenBatch(java.sql.Connection c, List<AppliedChanges.Entry> batch, Tally tally) throws java.sql.SQLException {
        List<ChangeSet> changeSets = batch.stream().map(entry -> StoreJson.read(entry.changesJson(), ChangeSet.class)).toList();
        Map<String, GoldenRecords.Stored> working = loadAll(c, changeSets);
        List<FieldHistory.Entry> history = new ArrayList<>();
        Map<List<String>, Map<String, Set<String>>> newsAgain = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            AppliedChanges.Entry entry = batch.get(i);
            ChangeSet changes = changeSets.get(i);
            String id = changes.domain() + "/" + changes.key();
            GoldenRecords.Stored stored = working.get(id);
            Resolver.Reversal reversal = context.resolver(changes.domain()).revert(stored.record(), changes);
            reversal.conflicts().forEach(f -> tally.conflicts.add("hub/" + id + "." + f + ": changed after the run wrote it"));
            working.put(id, new GoldenRecords.Stored(reversal.after(), stored.revision()));
            history.addAll(rollbackHistory(entry, reversal.changes()));
            for (FieldChange undone : reversal.changes().fields()) {
                if (undone.before() != null) {
                    newsAgain.computeIfAbsent(List.of(undone.before().version().system(), changes.domain()), k -> new LinkedHashMap<>())
                            .computeIfAbsent(changes.key(), k -> new TreeSet<>()).add(undone.field());
                }
            }
        }
        // The systems that sent the undone values still hold them; reading them again must count as news.
        for (Map.Entry<List<String>, Map<String, Set<String>>> forgotten : newsAgain.entrySet()) {
            context.store().echoes().forget(c, forgotten.getKey().get(0), forgotten.getKey().get(1), forgotten.getValue());
        }
        context.store().golden().save(c, working.values().stream().filter(s -> s.revision() > 0).toList());
        context.store().history().append(c, history);
    }

    /** Field-history rows for what a rollback restored, so "explain" shows the rollback in a field's life. */
    private List<FieldHistory.Entry> rollbackHistory(AppliedChanges.Entry entry, ChangeSet restored) {
        List<FieldHistory.Entry> rows = new ArrayList<>();
        int schemaVersion = context.contract().domain(restored.domain()).schema().version();
        for (FieldChange change : restored.fields()) {
            rows.add(new FieldHistory.Entry(0, restored.domain(), restored.key(), change.field(), "rolled-back",
                    "run " + entry.runId() + " rolled back", value(change.before()), value(change.after()),
                    change.before() == null ? null : StoreJson.write(change.before().version()),
                    change.after() == null ? null : StoreJson.write(change.after().version()),
                    "rollback", 0, null, entry.flow(), entry.workflowId(), entry.runId(), entry.runId(), entry.page(),
                    context.contract().hash(), context.contract().version(), schemaVersion, null, null));
        }
        return rows;
    }

    private static String value(dev.accord.core.record.FieldValue value) {
        return value == null ? null : StoreJson.write(value.value());
    }

    /** The golden records the changes touch, by {@code domain/key}, read with one lookup per domain. */
    private Map<String, GoldenRecords.Stored> loadAll(java.sql.Connection c, List<ChangeSet> changeSets) throws java.sql.SQLException {
        Map<String, Set<String>> keysByDomain = new TreeMap<>();
        changeSets.forEach(changes -> keysByDomain.computeIfAbsent(changes.domain(), d -> new java.util.LinkedHashSet<>()).add(changes.key()));
        Map<String, GoldenRecords.Stored> loaded = new LinkedHashMap<>();
        for (Map.Entry<String, Set<String>> domain : keysByDomain.entrySet()) {
            context.store().golden().load(c, domain.getKey(), domain.getValue())
                    .forEach((key, stored) -> loaded.put(domain.getKey() + "/" + key, stored));
        }
        return loaded;
    }

    private void rewindCheckpoint(RollbackRequest request) {
        context.store().inTransaction(c -> {
            Optional<Runs.Run> run = context.store().runs().find(c, request.runId());
            String flow = request.flow() != null ? request.flow() : run.map(Runs.Run::flow).orElse(null);
            Optional<Checkpoints.Checkpoint> current = flow == null ? Optional.empty() : context.store().checkpoints().load(c, flow);
            if (current.isPresent() && run.isPresent() && current.get().runId().equals(request.runId())) {
                Checkpoints.Checkpoint at = current.get();
                context.store().checkpoints().save(c, new Checkpoints.Checkpoint(at.flow(), run.get().startPosition(),
                        run.get().startKey(), at.headPosition(), at.headKey(), at.workflowId(), at.runId(), 0, null));
            }
            return null;
        });
    }

    /** Consecutive entries of one target with distinct keys, so each wave reads and writes a key once. */
    private static List<List<ChangeLog.Entry>> waves(List<ChangeLog.Entry> entries) {
        List<List<ChangeLog.Entry>> waves = new ArrayList<>();
        List<ChangeLog.Entry> wave = new ArrayList<>();
        Set<String> keys = new java.util.HashSet<>();
        for (ChangeLog.Entry entry : entries) {
            boolean otherTarget = !wave.isEmpty() && !wave.get(0).target().equals(entry.target());
            if (otherTarget || keys.contains(entry.key()) || wave.size() == 500) {
                waves.add(wave);
                wave = new ArrayList<>();
                keys.clear();
            }
            wave.add(entry);
            keys.add(entry.key());
        }
        if (!wave.isEmpty()) {
            waves.add(wave);
        }
        return waves;
    }

    private static final class Tally {
        long reverted;
        long alreadyReverted;
        final List<String> conflicts = new ArrayList<>();
    }
}
