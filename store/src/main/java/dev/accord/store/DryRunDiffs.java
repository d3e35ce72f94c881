package dev.accord.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** Sample diffs of dry runs: what would have been written, per target and record, kept with the run. */
public final class DryRunDiffs {

    private final Clock clock;

    DryRunDiffs(Clock clock) {
        this.clock = clock;
    }

    public record Diff(String runId, long page, String target, String key, String operation, String beforeJson, String afterJson) {}

    public void add(Connection connection, Collection<Diff> diffs) throws SQLException {
        if (diffs.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        try (PreparedStatement s = connection.prepareStatement("insert into dry_run_diff (run_id, page_no, target_system,"
                + " record_key, operation, before_json, after_json, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Diff d : diffs) {
                s.setString(1, d.runId());
                s.setLong(2, d.page());
                s.setString(3, d.target());
                s.setString(4, d.key());
                s.setString(5, d.operation());
                s.setString(6, d.beforeJson());
                s.setString(7, d.afterJson());
                Sql.setTime(s, 8, now);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    public List<Diff> forRun(Connection connection, String runId, int limit) throws SQLException {
        return Sql.query(connection, "select * from dry_run_diff where run_id = ? order by id limit " + limit, s -> s.setString(1, runId),
                r -> new Diff(r.getString("run_id"), r.getLong("page_no"), r.getString("target_system"), r.getString("record_key"),
                        r.getString("operation"), r.getString("before_json"), r.getString("after_json")));
    }
}
