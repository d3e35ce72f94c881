package dev.accord.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Dedup keys of processed changes, with the decision first taken and where. A retry of the same page finds
 * its own entries and returns the recorded decisions; any other run sees a duplicate.
 */
public final class AppliedChanges {

    private final Clock clock;

    private static final List<String> COLUMNS = List.of("dedup_key", "flow", "workflow_id", "run_id", "page_no",
            "decision", "outcome_json", "changes_json", "recorded_at");

    private final StoreDialect dialect;

    AppliedChanges(StoreDialect dialect, Clock clock) {
        this.clock = clock;
        this.dialect = dialect;
    }

    /**
     * One processed change.
     *
     * @param outcomeJson the decisions taken, as returned to the workflow
     * @param changesJson the change set applied to the golden record, null when it changed nothing
     */
    public record Entry(String dedupKey, String flow, String workflowId, String runId, long page, String decision,
                        String outcomeJson, String changesJson) {}

    public Map<String, Entry> find(Connection connection, Collection<String> dedupKeys) throws SQLException {
        Map<String, Entry> found = new HashMap<>();
        Sql.byKeys(connection, dialect, "*", "applied_change", List.of(), List.of(), "dedup_key", dedupKeys,
                row -> found.put(row.getString("dedup_key"), read(row)));
        return found;
    }

    public void record(Connection connection, Collection<Entry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        try (PreparedStatement statement = connection.prepareStatement(dialect.insertIfAbsent("applied_change", COLUMNS, List.of("dedup_key")))) {
            for (Entry entry : entries) {
                statement.setString(1, entry.dedupKey());
                statement.setString(2, entry.flow());
                statement.setString(3, entry.workflowId());
                statement.setString(4, entry.runId());
                statement.setLong(5, entry.page());
                statement.setString(6, entry.decision());
                statement.setString(7, entry.outcomeJson());
                statement.setString(8, entry.changesJson());
                Sql.setTime(statement, 9, now);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /** A recorded change with its position in the order changes were recorded. */
    public record Numbered(long seq, Entry entry) {}

    /**
     * Up to {@code limit} of the changes a run applied to golden records, newest first, recorded before
     * {@code beforeSeq}: what a rollback of the hub undoes, a page at a time.
     */
    public List<Numbered> changedInRunNewestFirst(Connection connection, String runId, long beforeSeq, int limit) throws SQLException {
        return Sql.query(connection, "select * from applied_change where run_id = ? and seq < ? and changes_json is not null"
                + " order by seq desc limit " + limit, s -> {
                    s.setString(1, runId);
                    s.setLong(2, beforeSeq);
                }, row -> new Numbered(row.getLong("seq"), read(row)));
    }

    private static Entry read(java.sql.ResultSet row) throws SQLException {
        return new Entry(row.getString("dedup_key"), row.getString("flow"), row.getString("workflow_id"), row.getString("run_id"),
                row.getLong("page_no"), row.getString("decision"), row.getString("outcome_json"), row.getString("changes_json"));
    }

    /** Forgets the dedup keys a run recorded, so that after a rollback a replay applies them again. */
    public int forgetRun(Connection connection, String runId) throws SQLException {
        return Sql.update(connection, "delete from applied_change where run_id = ?", s -> s.setString(1, runId));
    }
}
