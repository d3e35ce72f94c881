package dev.accord.activities.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Lineage: every decision on every field, with old and new value, source system and version, run,
 * contract hash and version, schema version and time. Answers "how did this field get this value".
 */
public final class FieldHistory {

    private static final List<String> COLUMNS = List.of("domain_name", "record_key", "field_name", "decision", "reason",
            "old_value", "new_value", "old_version_json", "new_version_json", "source_system", "source_version", "source_time",
            "flow", "workflow_id", "run_id", "execution_run_id", "page_no", "contract_hash", "contract_version", "schema_version",
            "trace_id", "recorded_at");
    private static final String INSERT = StoreDialect.insert("field_history", COLUMNS);

    private final StoreDialect dialect;

    FieldHistory(StoreDialect dialect) {
        this.dialect = dialect;
    }

    /** One field decision, as recorded. Values and versions are JSON text. */
    public record Entry(long id, String domain, String key, String field, String decision, String reason,
                        String oldValue, String newValue, String oldVersionJson, String newVersionJson,
                        String sourceSystem, long sourceVersion, Instant sourceTime,
                        String flow, String workflowId, String runId, String executionRunId, long page,
                        String contractHash, String contractVersion, int schemaVersion, String traceId, Instant recordedAt) {}

    public void append(Connection connection, Collection<Entry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        if (dialect == StoreDialect.POSTGRES) {
            PostgresCopy.append(connection, "field_history", COLUMNS, entries.stream().map(e -> new Object[] {e.domain(), e.key(),
                    e.field(), e.decision(), e.reason(), e.oldValue(), e.newValue(), e.oldVersionJson(), e.newVersionJson(),
                    e.sourceSystem(), e.sourceVersion(), e.sourceTime(), e.flow(), e.workflowId(), e.runId(), e.executionRunId(),
                    e.page(), e.contractHash(), e.contractVersion(), e.schemaVersion(), e.traceId(), now}).toList());
            return;
        }
        try (PreparedStatement s = connection.prepareStatement(INSERT)) {
            for (Entry e : entries) {
                s.setString(1, e.domain());
                s.setString(2, e.key());
                s.setString(3, e.field());
                s.setString(4, e.decision());
                s.setString(5, e.reason());
                s.setString(6, e.oldValue());
                s.setString(7, e.newValue());
                s.setString(8, e.oldVersionJson());
                s.setString(9, e.newVersionJson());
                s.setString(10, e.sourceSystem());
                s.setLong(11, e.sourceVersion());
                Sql.setTime(s, 12, e.sourceTime());
                s.setString(13, e.flow());
                s.setString(14, e.workflowId());
                s.setString(15, e.runId());
                s.setString(16, e.executionRunId());
                s.setLong(17, e.page());
                s.setString(18, e.contractHash());
                s.setString(19, e.contractVersion());
                s.setInt(20, e.schemaVersion());
                s.setString(21, e.traceId());
                Sql.setTime(s, 22, now);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** The history of one record (optionally one field), oldest first. */
    public List<Entry> forRecord(Connection connection, String domain, String key, String field) throws SQLException {
        String sql = "select * from field_history where domain_name = ? and record_key = ?"
                + (field == null ? "" : " and field_name = ?") + " order by id";
        return Sql.query(connection, sql, s -> {
            s.setString(1, domain);
            s.setString(2, key);
            if (field != null) {
                s.setString(3, field);
            }
        }, FieldHistory::read);
    }

    private static Entry read(java.sql.ResultSet r) throws SQLException {
        return new Entry(r.getLong("id"), r.getString("domain_name"), r.getString("record_key"), r.getString("field_name"),
                r.getString("decision"), r.getString("reason"), r.getString("old_value"), r.getString("new_value"),
                r.getString("old_version_json"), r.getString("new_version_json"), r.getString("source_system"),
                r.getLong("source_version"), Sql.time(r, "source_time"), r.getString("flow"), r.getString("workflow_id"),
                r.getString("run_id"), r.getString("execution_run_id"), r.getLong("page_no"), r.getString("contract_hash"),
                r.getString("contract_version"), r.getInt("schema_version"), r.getString("trace_id"), Sql.time(r, "recorded_at"));
    }
}
