package dev.accord.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Per flow, the cursor after the last fully applied page: where the next run continues. */
public final class Checkpoints {

    private final Clock clock;

    private static final List<String> COLUMNS = List.of("flow", "cursor_position", "cursor_key", "source_head_position",
            "source_head_key", "workflow_id", "run_id", "page_no", "updated_at");

    private final StoreDialect dialect;

    Checkpoints(StoreDialect dialect, Clock clock) {
        this.clock = clock;
        this.dialect = dialect;
    }

    public record Checkpoint(String flow, String position, String key, String headPosition, String headKey,
                             String workflowId, String runId, long page, Instant updatedAt) {}

    public Optional<Checkpoint> load(Connection connection, String flow) throws SQLException {
        return Sql.query(connection, "select * from flow_checkpoint where flow = ?", s -> s.setString(1, flow),
                r -> new Checkpoint(r.getString("flow"), r.getString("cursor_position"), r.getString("cursor_key"),
                        r.getString("source_head_position"), r.getString("source_head_key"), r.getString("workflow_id"),
                        r.getString("run_id"), r.getLong("page_no"), Sql.time(r, "updated_at"))).stream().findFirst();
    }

    public List<Checkpoint> all(Connection connection) throws SQLException {
        return Sql.query(connection, "select * from flow_checkpoint order by flow", s -> { },
                r -> new Checkpoint(r.getString("flow"), r.getString("cursor_position"), r.getString("cursor_key"),
                        r.getString("source_head_position"), r.getString("source_head_key"), r.getString("workflow_id"),
                        r.getString("run_id"), r.getLong("page_no"), Sql.time(r, "updated_at")));
    }

    public void save(Connection connection, Checkpoint checkpoint) throws SQLException {
        Sql.update(connection, dialect.upsert("flow_checkpoint", COLUMNS, List.of("flow")), s -> {
            s.setString(1, checkpoint.flow());
            s.setString(2, checkpoint.position());
            s.setString(3, checkpoint.key());
            s.setString(4, checkpoint.headPosition());
            s.setString(5, checkpoint.headKey());
            s.setString(6, checkpoint.workflowId());
            s.setString(7, checkpoint.runId());
            s.setLong(8, checkpoint.page());
            Sql.setTime(s, 9, clock.instant());
        });
    }
}
