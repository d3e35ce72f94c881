package dev.accord.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Every freshness check of every flow, appended (a retried check adds a row), with the catch-up sync a breach
 * started. The newest row per flow is the flow's current freshness for {@code accord sla status} and metrics.
 */
public final class FreshnessChecks {

    private static final String INSERT = "insert into freshness_check (flow, checked_at, sla_seconds, freshness_seconds,"
            + " lag_seconds, behind, breached, checkpoint_position, checkpoint_key, head_position, head_key,"
            + " newest_applied_at, workflow_id, run_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    FreshnessChecks() {}

    /**
     * One check as recorded.
     *
     * @param slaSeconds null when the flow has no SLA
     * @param freshnessSeconds age of the newest applied source change at the check; null when none was applied
     * @param lagSeconds head minus checkpoint for timestamp cursors; null otherwise
     */
    public record Check(long id, String flow, Instant checkedAt, Long slaSeconds, Long freshnessSeconds, Long lagSeconds,
                        boolean behind, boolean breached, String checkpointPosition, String checkpointKey,
                        String headPosition, String headKey, Instant newestAppliedAt, String workflowId, String runId,
                        String catchUpWorkflowId, String catchUpRunId) {}

    /** Appends a check and returns its id. */
    public long record(Connection connection, Check check) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(INSERT, new String[] {"id"})) {
            s.setString(1, check.flow());
            Sql.setTime(s, 2, check.checkedAt());
            setLong(s, 3, check.slaSeconds());
            setLong(s, 4, check.freshnessSeconds());
            setLong(s, 5, check.lagSeconds());
            s.setBoolean(6, check.behind());
            s.setBoolean(7, check.breached());
            s.setString(8, check.checkpointPosition());
            s.setString(9, check.checkpointKey());
            s.setString(10, check.headPosition());
            s.setString(11, check.headKey());
            Sql.setTime(s, 12, check.newestAppliedAt());
            s.setString(13, check.workflowId());
            s.setString(14, check.runId());
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** Notes the sync a breach started (or signalled) on the check that found it. */
    public void caughtUp(Connection connection, long checkId, String workflowId, String runId) throws SQLException {
        Sql.update(connection, "update freshness_check set catch_up_workflow_id = ?, catch_up_run_id = ? where id = ?", s -> {
            s.setString(1, workflowId);
            s.setString(2, runId);
            s.setLong(3, checkId);
        });
    }

    /** The newest check of a flow. */
    public Optional<Check> latest(Connection connection, String flow) throws SQLException {
        return Sql.query(connection, "select * from freshness_check where flow = ? order by id desc limit 1",
                s -> s.setString(1, flow), FreshnessChecks::read).stream().findFirst();
    }

    /** A flow's checks since a moment, newest first. */
    public List<Check> since(Connection connection, String flow, Instant since) throws SQLException {
        return Sql.query(connection, "select * from freshness_check where flow = ? and checked_at >= ? order by id desc", s -> {
            s.setString(1, flow);
            Sql.setTime(s, 2, since);
        }, FreshnessChecks::read);
    }

    /** When the flow last applied a source change: the newest source time in its field history, if any. */
    public Optional<Instant> newestApplied(Connection connection, String flow) throws SQLException {
        return Sql.query(connection, "select max(source_time) as newest from field_history where flow = ?",
                s -> s.setString(1, flow), r -> Sql.time(r, "newest")).stream().filter(t -> t != null).findFirst();
    }

    private static void setLong(PreparedStatement s, int index, Long value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.BIGINT);
        } else {
            s.setLong(index, value);
        }
    }

    private static Long getLong(ResultSet r, String column) throws SQLException {
        long value = r.getLong(column);
        return r.wasNull() ? null : value;
    }

    private static Check read(ResultSet r) throws SQLException {
        return new Check(r.getLong("id"), r.getString("flow"), Sql.time(r, "checked_at"), getLong(r, "sla_seconds"),
                getLong(r, "freshness_seconds"), getLong(r, "lag_seconds"), r.getBoolean("behind"), r.getBoolean("breached"),
                r.getString("checkpoint_position"), r.getString("checkpoint_key"), r.getString("head_position"),
                r.getString("head_key"), Sql.time(r, "newest_applied_at"), r.getString("workflow_id"), r.getString("run_id"),
                r.getString("catch_up_workflow_id"), r.getString("catch_up_run_id"));
    }
}
