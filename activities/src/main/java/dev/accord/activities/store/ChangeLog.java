package dev.accord.activities.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Every write Accord makes to a target, with the before- and after-image of the written columns and the
 * row versions. Entries are written ahead of the target write ({@code pending}) and marked
 * {@code applied} after it, so a rollback always has the before-image, even after a crash.
 */
public final class ChangeLog {

    public static final String PENDING = "pending";
    public static final String APPLIED = "applied";
    public static final String REVERTED = "reverted";
    public static final String CONFLICT = "conflict";
    public static final String ROLLBACK_CONFLICT = "rollback-conflict";

    private static final String INSERT = "insert into change_log (flow, workflow_id, run_id, execution_run_id, page_no,"
            + " target_system, domain_name, record_key, operation, before_json, after_json, before_version, status, created_at,"
            + " before_local_json) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /**
     * One write.
     *
     * @param operation insert, update, delete or undelete
     * @param beforeJson the written fields' canonical values before (JSON object), null when the row was absent
     * @param afterJson the written columns' values after (JSON object), null for a hard delete
     * @param beforeLocalJson the written columns' values before in the target's own terms (column to value)
     */
    public record Entry(long id, String flow, String workflowId, String runId, String executionRunId, long page,
                        String target, String domain, String key, String operation, String beforeJson, String afterJson,
                        Long beforeVersion, Long afterVersion, String status, String detail, String beforeLocalJson) {}

    /**
     * Logs writes before they are made. A pending entry of the same row from an earlier attempt of the same
     * page (its write never landed, or the retry would have found the row in place) is replaced.
     */
    public void writeAhead(Connection connection, Collection<Entry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        try (PreparedStatement stale = connection.prepareStatement("delete from change_log where run_id = ? and page_no = ?"
                + " and target_system = ? and domain_name = ? and record_key = ? and status = 'pending'")) {
            for (Entry e : entries) {
                stale.setString(1, e.runId());
                stale.setLong(2, e.page());
                stale.setString(3, e.target());
                stale.setString(4, e.domain());
                stale.setString(5, e.key());
                stale.addBatch();
            }
            stale.executeBatch();
        }
        Instant now = Instant.now();
        try (PreparedStatement s = connection.prepareStatement(INSERT)) {
            for (Entry e : entries) {
                s.setString(1, e.flow());
                s.setString(2, e.workflowId());
                s.setString(3, e.runId());
                s.setString(4, e.executionRunId());
                s.setLong(5, e.page());
                s.setString(6, e.target());
                s.setString(7, e.domain());
                s.setString(8, e.key());
                s.setString(9, e.operation());
                s.setString(10, e.beforeJson());
                s.setString(11, e.afterJson());
                s.setObject(12, e.beforeVersion());
                s.setString(13, PENDING);
                Sql.setTime(s, 14, now);
                s.setString(15, e.beforeLocalJson());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** How the pending write of one row in one page ended: applied (with the row's new version) or a conflict. */
    public record Settlement(String runId, long page, String target, String domain, String key, String status, Long afterVersion,
                             String detail) {}

    /** Settles pending writes in one batch; an entry that is no longer pending is left as it is. */
    public void settle(Connection connection, Collection<Settlement> settlements) throws SQLException {
        if (settlements.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        try (PreparedStatement s = connection.prepareStatement("update change_log set status = ?, after_version = ?, detail = ?,"
                + " applied_at = ? where run_id = ? and page_no = ? and target_system = ? and domain_name = ? and record_key = ?"
                + " and status = ?")) {
            for (Settlement settlement : settlements) {
                s.setString(1, settlement.status());
                s.setObject(2, settlement.afterVersion());
                s.setString(3, settlement.detail());
                Sql.setTime(s, 4, now);
                s.setString(5, settlement.runId());
                s.setLong(6, settlement.page());
                s.setString(7, settlement.target());
                s.setString(8, settlement.domain());
                s.setString(9, settlement.key());
                s.setString(10, PENDING);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /**
     * Up to {@code limit} of a run's writes logged before entry {@code beforeId}, newest first: the order a
     * rollback undoes them in, a page at a time.
     */
    public List<Entry> forRunNewestFirst(Connection connection, String runId, long beforeId, int limit) throws SQLException {
        return Sql.query(connection, "select * from change_log where run_id = ? and id < ? order by id desc limit " + limit, s -> {
            s.setString(1, runId);
            s.setLong(2, beforeId);
        }, ChangeLog::read);
    }

    /** A new status for one entry, with a detail (null when there is nothing to say). */
    public record Mark(long id, String status, String detail) {}

    /** Sets the status of entries, in one batch. */
    public void mark(Connection connection, Collection<Mark> marks) throws SQLException {
        if (marks.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        try (PreparedStatement s = connection.prepareStatement("update change_log set status = ?, detail = ?, reverted_at = ? where id = ?")) {
            for (Mark mark : marks) {
                s.setString(1, mark.status());
                s.setString(2, mark.detail());
                Sql.setTime(s, 3, now);
                s.setLong(4, mark.id());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** Writes to one record of one target, oldest first. */
    public List<Entry> forRecord(Connection connection, String domain, String key) throws SQLException {
        return Sql.query(connection, "select * from change_log where domain_name = ? and record_key = ? order by id", s -> {
            s.setString(1, domain);
            s.setString(2, key);
        }, ChangeLog::read);
    }

    private static Entry read(ResultSet r) throws SQLException {
        return new Entry(r.getLong("id"), r.getString("flow"), r.getString("workflow_id"), r.getString("run_id"),
                r.getString("execution_run_id"), r.getLong("page_no"), r.getString("target_system"), r.getString("domain_name"),
                r.getString("record_key"), r.getString("operation"), r.getString("before_json"), r.getString("after_json"),
                (Long) r.getObject("before_version", Long.class), (Long) r.getObject("after_version", Long.class),
                r.getString("status"), r.getString("detail"), r.getString("before_local_json"));
    }
}
