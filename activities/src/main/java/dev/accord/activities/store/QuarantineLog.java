package dev.accord.activities.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records that broke a rule at the boundary, one row per (change, reason, path): quarantining the same
 * change again (a retry, a replay) adds nothing.
 */
public final class QuarantineLog {

    private static final List<String> COLUMNS = List.of("flow", "system_name", "domain_name", "record_key", "dedup_key",
            "reason_code", "path", "message", "payload_json", "workflow_id", "run_id", "page_no", "created_at");

    private final StoreDialect dialect;

    QuarantineLog(StoreDialect dialect) {
        this.dialect = dialect;
    }

    public record Entry(String flow, String system, String domain, String key, String dedupKey, String reasonCode,
                        String path, String message, String payloadJson, String workflowId, String runId, long page) {}

    public void add(Connection connection, Collection<Entry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        try (PreparedStatement s = connection.prepareStatement(dialect.insertIfAbsent("quarantine", COLUMNS,
                List.of("dedup_key", "reason_code", "path")))) {
            for (Entry e : entries) {
                s.setString(1, e.flow());
                s.setString(2, e.system());
                s.setString(3, e.domain());
                s.setString(4, e.key());
                s.setString(5, e.dedupKey());
                s.setString(6, e.reasonCode());
                s.setString(7, e.path());
                s.setString(8, e.message());
                s.setString(9, e.payloadJson());
                s.setString(10, e.workflowId());
                s.setString(11, e.runId());
                s.setLong(12, e.page());
                Sql.setTime(s, 13, now);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** Quarantined entries per reason code, for a flow (or all flows when null). */
    public Map<String, Long> countByReason(Connection connection, String flow) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        Sql.query(connection, "select reason_code, count(*) from quarantine" + (flow == null ? "" : " where flow = ?")
                + " group by reason_code order by count(*) desc, reason_code", s -> {
                    if (flow != null) {
                        s.setString(1, flow);
                    }
                }, r -> counts.put(r.getString(1), r.getLong(2)));
        return counts;
    }

    /** Every record key that has been quarantined, by any flow. */
    public java.util.Set<String> keys(Connection connection) throws SQLException {
        return new java.util.HashSet<>(Sql.query(connection, "select distinct record_key from quarantine where record_key is not null",
                s -> { }, r -> r.getString(1)));
    }

    public List<Entry> recent(Connection connection, String flow, int limit) throws SQLException {
        return Sql.query(connection, "select * from quarantine" + (flow == null ? "" : " where flow = ?")
                + " order by id desc limit " + limit, s -> {
                    if (flow != null) {
                        s.setString(1, flow);
                    }
                }, r -> new Entry(r.getString("flow"), r.getString("system_name"), r.getString("domain_name"),
                        r.getString("record_key"), r.getString("dedup_key"), r.getString("reason_code"), r.getString("path"),
                        r.getString("message"), r.getString("payload_json"), r.getString("workflow_id"), r.getString("run_id"),
                        r.getLong("page_no")));
    }
}
