package dev.accord.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accord.connectors.ConnectorFactory;
import dev.accord.connectors.TargetConnector;
import dev.accord.connectors.TargetRow;
import dev.accord.connectors.WriteResult;
import dev.accord.core.change.ChangeSet;
import dev.accord.core.change.FieldChange;
import dev.accord.core.resolve.Resolver;
import dev.accord.core.rollback.RollbackResult;
import dev.accord.store.AccordStore;
import dev.accord.store.AppliedChanges;
import dev.accord.store.ChangeLog;
import dev.accord.store.Checkpoints;
import dev.accord.store.FieldHistory;
import dev.accord.store.GoldenRecords;
import dev.accord.store.Runs;
import dev.accord.store.StoreJson;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reverts one run from the change log, newest write first: each target row goes back to its
 * before-image with compare-and-set on the version Accord wrote, and each golden record field goes back
 * where it still holds the run's value. Rows and fields someone else changed since are reported, never
 * overwritten. The run's dedup keys are forgotten, and so is the echo memory of the undone values at the
 * systems that sent them (a replay applies again); if the run was the last to move the flow's checkpoint
 * (or the runs after it that moved it were rolled back already), the checkpoint goes back to where the run
 * started. Quarantine entries the run replayed are open again. Idempotent.
 */
public final class RunReverter {

    /** Change-log entries and golden-record changes read and reverted at a time: memory stays flat however big the run. */
    private static final int PAGE = 500;

    private final CompiledContract compiled;
    private final AccordStore store;
    private final ConnectorFactory connectors;

    public RunReverter(CompiledContract compiled, AccordStore store, ConnectorFactory connectors) {
        this.compiled = compiled;
        this.store = store;
        this.connectors = connectors;
    }

    public RollbackResult revertRun(String flow, String runId, Runnable progress) {
        RevertCounts tally = new RevertCounts();
        long before = Long.MAX_VALUE;
        while (true) {
            long after = before;
            List<ChangeLog.Entry> entries = store.inTransaction(c -> store.changeLog()
                    .forRunNewestFirst(c, runId, after, PAGE));
            if (entries.isEmpty()) {
                break;
            }
            for (List<ChangeLog.Entry> wave : waves(entries)) {
                revertWave(wave, tally);
                progress.run();
            }
            before = entries.get(entries.size() - 1).id();
        }
        revertGolden(runId, tally, progress);
        rewindCheckpoint(flow, runId);
        store.inTransaction(c -> store.quarantineActions().reopenReplayedBy(c, runId));
        return new RollbackResult(tally.reverted, tally.alreadyReverted, tally.conflicts);
    }

    private void revertWave(List<ChangeLog.Entry> wave, RevertCounts tally) {
        ChangeLog.Entry first = wave.get(0);
        TargetConnector connector = connectors.target(first.target(), first.domain());
        RestorePlanner planner = new RestorePlanner(new DeliveryPlanner(compiled.mapper(first.target(), first.domain()),
                compiled.contract().domain(first.domain()).key()));
        Map<String, TargetRow> rows = connector.readByKeys(wave.stream().map(ChangeLog.Entry::key).toList());
        Map<ChangeLog.Entry, RestorePlanner.Restore> restores = new LinkedHashMap<>();
        for (ChangeLog.Entry entry : wave) {
            if (ChangeLog.REVERTED.equals(entry.status())) {
                tally.alreadyReverted++;
            } else if (ChangeLog.APPLIED.equals(entry.status()) || ChangeLog.PENDING.equals(entry.status())) {
                restores.put(entry, planner.plan(entry, rows.get(entry.key()),
                        () -> store.inTransaction(c -> store.changeLog().laterWrites(c, entry))));
            }
        }
        store.checkFence("restoring " + first.target());
        List<WriteResult> results = connector.apply(restores.values().stream().flatMap(r -> r.writes().stream()).toList());
        store.inTransaction(c -> {
            int index = 0;
            Map<String, Map<String, JsonNode>> echoes = new HashMap<>();
            List<ChangeLog.Mark> marks = new ArrayList<>();
            for (Map.Entry<ChangeLog.Entry, RestorePlanner.Restore> item : restores.entrySet()) {
                ChangeLog.Entry entry = item.getKey();
                RestorePlanner.Restore restore = item.getValue();
                List<WriteResult> own = results.subList(index, index + restore.writes().size());
                index += restore.writes().size();
                String conflict = restore.conflict() != null ? restore.conflict() : restoreFailure(own);
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
            store.changeLog().mark(c, marks);
            store.echoes().remember(c, first.target(), first.domain(), echoes);
            return null;
        });
    }

    /**
     * Reverts the golden records a page of changes at a time, newest change first, one transaction per page
     * (a page reads its records in one lookup); reports progress per page. The run's dedup keys are forgotten
     * last, so a rollback interrupted halfway finds the rest of its changes when it runs again.
     */
    private void revertGolden(String runId, RevertCounts tally, Runnable progress) {
        long before = Long.MAX_VALUE;
        while (true) {
            long after = before;
            List<AppliedChanges.Numbered> page = store.inTransaction(c -> {
                List<AppliedChanges.Numbered> changed = store.applied().changedInRunNewestFirst(c, runId, after, PAGE);
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
        store.inTransaction(c -> store.applied().forgetRun(c, runId));
    }

    private void revertGoldenBatch(java.sql.Connection c, List<AppliedChanges.Entry> batch, RevertCounts tally) throws java.sql.SQLException {
        List<ChangeSet> changeSets = batch.stream().map(entry -> StoreJson.read(entry.changesJson(), ChangeSet.class)).toList();
        Map<String, GoldenRecords.Stored> working = loadAll(c, changeSets);
        List<FieldHistory.Entry> history = new ArrayList<>();
        Map<List<String>, Map<String, Set<String>>> newsAgain = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            AppliedChanges.Entry entry = batch.get(i);
            ChangeSet changes = changeSets.get(i);
            String id = changes.domain() + "/" + changes.key();
            GoldenRecords.Stored stored = working.get(id);
            Resolver.Reversal reversal = compiled.resolver(changes.domain()).revert(stored.record(), changes);
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
            store.echoes().forget(c, forgotten.getKey().get(0), forgotten.getKey().get(1), forgotten.getValue());
        }
        store.golden().save(c, working.values().stream().filter(s -> s.revision() > 0).toList());
        store.history().append(c, history);
    }

    /** Field-history rows for what a rollback restored, so "explain" shows the rollback in a field's life. */
    private List<FieldHistory.Entry> rollbackHistory(AppliedChanges.Entry entry, ChangeSet restored) {
        List<FieldHistory.Entry> rows = new ArrayList<>();
        int schemaVersion = compiled.contract().domain(restored.domain()).schema().version();
        for (FieldChange change : restored.fields()) {
            rows.add(FieldHistory.Entry.builder().domain(restored.domain()).key(restored.key()).field(change.field())
                    .decision("rolled-back").reason("run " + entry.runId() + " rolled back")
                    .oldValue(value(change.before())).newValue(value(change.after()))
                    .oldVersionJson(change.before() == null ? null : StoreJson.write(change.before().version()))
                    .newVersionJson(change.after() == null ? null : StoreJson.write(change.after().version()))
                    .sourceSystem("rollback").flow(entry.flow()).workflowId(entry.workflowId())
                    .runId(entry.runId()).executionRunId(entry.runId()).page(entry.page())
                    .contractHash(compiled.contract().hash())
                    .contractVersion(compiled.contract().version()).schemaVersion(schemaVersion)
                    .build());
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
            store.golden().load(c, domain.getKey(), domain.getValue())
                    .forEach((key, stored) -> loaded.put(domain.getKey() + "/" + key, stored));
        }
        return loaded;
    }

    private void rewindCheckpoint(String flowName, String runId) {
        store.inTransaction(c -> {
            Optional<Runs.Run> run = store.runs().find(c, runId);
            String flow = flowName != null ? flowName : run.map(Runs.Run::flow).orElse(null);
            Optional<Checkpoints.Checkpoint> current = flow == null ? Optional.empty() : store.checkpoints().load(c, flow);
            if (current.isPresent() && run.isPresent() && belongsTo(c, current.get(), run.get())) {
                Checkpoints.Checkpoint at = current.get();
                store.checkpoints().save(c, new Checkpoints.Checkpoint(at.flow(), run.get().startPosition(),
                        run.get().startKey(), at.headPosition(), at.headKey(), run.get().workflowId(), run.get().runId(), 0, null));
            }
            return null;
        });
    }

    /**
     * Whether the checkpoint is where {@code run} left it: the run moved it last, or a later run did and has
     * been rolled back already, which put it back to where that later run started (a rollback of several
     * runs reverts them newest first). The rewound checkpoint is credited to the reverted run, so the next
     * older run finds it the same way.
     */
    private boolean belongsTo(java.sql.Connection c, Checkpoints.Checkpoint at, Runs.Run run) throws java.sql.SQLException {
        if (run.runId().equals(at.runId())) {
            return true;
        }
        Optional<Runs.Run> last = at.runId() == null ? Optional.empty() : store.runs().find(c, at.runId());
        return last.isPresent() && last.get().startedAt().isAfter(run.startedAt())
                && Objects.equals(at.position(), last.get().startPosition())
                && Objects.equals(at.key(), last.get().startKey());
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

    /** What a rollback did so far: rows reverted, already reverted, and the conflicts it met. */
    private static final class RevertCounts {
        long reverted;
        long alreadyReverted;
        final List<String> conflicts = new ArrayList<>();
    }

    /** Why the restore writes of one entry did not land: the row changed meanwhile, or the target refused them. */
    private static String restoreFailure(List<WriteResult> own) {
        if (own.stream().anyMatch(r -> r.status() == WriteResult.Status.CONFLICT)) {
            return "changed during the rollback";
        }
        return own.stream().filter(r -> r.status() == WriteResult.Status.REJECTED).findFirst()
                .map(r -> "the target refused the before-image: " + r.rejection().reason() + ": " + r.rejection().detail()).orElse(null);
    }
}
