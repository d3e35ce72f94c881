package dev.accord.engine;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.accord.connectors.TargetRow;
import dev.accord.connectors.TargetWrite;
import dev.accord.core.record.Values;
import dev.accord.store.ChangeLog;
import dev.accord.store.StoreJson;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Plans the undo of one change-log entry against the target row as it is now: restore the before-image
 * with compare-and-set on the version Accord wrote, or report a conflict when someone changed the row
 * since (never overwrite their change). A row that already holds the before-image needs nothing: a
 * rollback that was killed after its target write and before marking the log is finished, not reported
 * as a conflict, when it is retried. A row whose version moved on only through Accord's own later writes,
 * all undone already (rolling back several runs, or several pages, that wrote the same row), is restored.
 */
final class RestorePlanner {

    private static final TypeReference<Map<String, JsonNode>> VALUES = new TypeReference<>() {};
    private static final TypeReference<Map<String, Object>> LOCAL = new TypeReference<>() {};

    private final DeliveryPlanner planner;

    RestorePlanner(DeliveryPlanner planner) {
        this.planner = planner;
    }

    /**
     * The writes that undo the entry, empty when it never landed; a conflict message when it must not be
     * undone; {@code already} when the row holds the before-image already (an earlier attempt restored it).
     */
    record Restore(List<TargetWrite> writes, String conflict, Map<String, JsonNode> restored, boolean already) {

        Restore(List<TargetWrite> writes, String conflict, Map<String, JsonNode> restored) {
            this(writes, conflict, restored, false);
        }
    }

    Restore plan(ChangeLog.Entry entry, TargetRow row, Supplier<List<ChangeLog.Entry>> laterWrites) {
        Map<String, JsonNode> before = StoreJson.read(entry.beforeJson(), VALUES);
        Map<String, JsonNode> after = StoreJson.read(entry.afterJson(), VALUES);
        Optional<String> changedSince = changedSince(entry, row, after, laterWrites);
        if (changedSince.isPresent()) {
            return holdsBefore(entry, row, before)
                    ? new Restore(List.of(), null, before, true)
                    : new Restore(List.of(), changedSince.get(), null);
        }
        String key = entry.key();
        if (ChangeLog.PENDING.equals(entry.status()) && !landed(entry, row, after)) {
            return new Restore(List.of(), null, null);
        }
        Map<String, Object> local = StoreJson.read(entry.beforeLocalJson(), LOCAL);
        return switch (entry.operation()) {
            case "insert" -> new Restore(List.of(new TargetWrite(key, row.version(), TargetWrite.Kind.REMOVE, Map.of())), null, null);
            case "update" -> new Restore(List.of(restore(key, row.version(), before, local)), null, before);
            case "delete" -> row == null
                    ? new Restore(List.of(restore(key, null, before, local)), null, before)
                    : new Restore(List.of(new TargetWrite(key, row.version(), TargetWrite.Kind.UNDELETE, Map.of())), null, before);
            case "undelete" -> new Restore(List.of(restore(key, row.version(), before, local),
                    new TargetWrite(key, row.version() + 1, TargetWrite.Kind.DELETE, Map.of())), null, before);
            default -> new Restore(List.of(), "unknown operation '" + entry.operation() + "' in the change log", null);
        };
    }

    /** Writes the row's own before-image when the log has it (exact), else the canonical one mapped back. */
    private TargetWrite restore(String key, Long expectedVersion, Map<String, JsonNode> before, Map<String, Object> local) {
        return local == null ? planner.upsert(key, expectedVersion, before)
                : new TargetWrite(key, expectedVersion, TargetWrite.Kind.UPSERT, local);
    }

    /**
     * A reason not to touch the row: someone wrote it after Accord did. {@code laterWrites} (the row's
     * change-log entries after this one, oldest first) is asked only when the row's version moved on.
     */
    private Optional<String> changedSince(ChangeLog.Entry entry, TargetRow row, Map<String, JsonNode> after,
                                          Supplier<List<ChangeLog.Entry>> laterWrites) {
        if (ChangeLog.APPLIED.equals(entry.status())) {
            Long written = entry.afterVersion();
            boolean sameRow = written == null ? row == null : row != null && row.version() == written;
            return sameRow || laterWritesUndone(entry, row, after, laterWrites.get()) ? Optional.empty()
                    : Optional.of("changed after Accord wrote it (version "
                    + written + ", now " + (row == null ? "absent" : row.version()) + ")");
        }
        if (landed(entry, row, after) || notLanded(entry, row)) {
            return Optional.empty();
        }
        return Optional.of("holds neither the before- nor the after-image of an interrupted write");
    }

    /**
     * Whether the row moved on only through Accord's own later writes and a rollback has undone every one
     * of them: the first was planned against the version this entry produced (nobody wrote in between),
     * all are reverted, and the row holds exactly what this entry wrote.
     */
    private boolean laterWritesUndone(ChangeLog.Entry entry, TargetRow row, Map<String, JsonNode> after,
                                      List<ChangeLog.Entry> later) {
        return row != null && !row.deleted() && after != null && !later.isEmpty()
                && Objects.equals(later.get(0).beforeVersion(), entry.afterVersion())
                && later.stream().allMatch(e -> ChangeLog.REVERTED.equals(e.status()))
                && sameValues(row, after);
    }

    /** For an interrupted (pending) write: does the row hold what Accord meant to write? */
    private boolean landed(ChangeLog.Entry entry, TargetRow row, Map<String, JsonNode> after) {
        if ("delete".equals(entry.operation())) {
            return row == null || row.deleted();
        }
        if (row == null || row.deleted() || after == null) {
            return false;
        }
        return sameValues(row, after);
    }

    /**
     * Whether the row is as it was before the entry's write: absent after an insert, live with the
     * before-image's values after an update or delete, deleted or absent after an undelete.
     */
    private boolean holdsBefore(ChangeLog.Entry entry, TargetRow row, Map<String, JsonNode> before) {
        return switch (entry.operation()) {
            case "insert" -> row == null || row.deleted();
            case "undelete" -> row == null || row.deleted();
            case "update", "delete" -> row != null && !row.deleted() && before != null && !before.isEmpty()
                    && sameValues(row, before);
            default -> false;
        };
    }

    private boolean sameValues(TargetRow row, Map<String, JsonNode> values) {
        Map<String, JsonNode> current = planner.rowValues(row, values.keySet());
        return values.entrySet().stream().allMatch(e -> Values.same(e.getValue(), current.get(e.getKey())));
    }

    private static boolean notLanded(ChangeLog.Entry entry, TargetRow row) {
        Long before = entry.beforeVersion();
        return before == null ? row == null : row != null && row.version() == before;
    }
}
