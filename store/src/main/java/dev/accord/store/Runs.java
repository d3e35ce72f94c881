package dev.accord.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Run artifacts: for every run, what it ran under (contract hash and version, schema version, options,
 * worker version, deployment id), where it started, and what it did (state, pages, counts).
 */
public final class Runs {

    private final Clock clock;

    private static final List<String> COLUMNS = List.of("run_id", "workflow_id", "last_execution_run_id", "flow", "kind",
            "state", "dry_run", "contract_hash", "contract_version", "schema_version", "options_json",
            "start_cursor_position", "start_cursor_key", "pages", "counts_json", "worker_version", "deployment_id", "started_at");

    private final StoreDialect dialect;

    Runs(StoreDialect dialect, Clock clock) {
        this.clock = clock;
        this.dialect = dialect;
    }

    public record Run(String runId, String workflowId, String lastExecutionRunId, String flow, String kind, String state,
                      boolean dryRun, String contractHash, String contractVersion, int schemaVersion, String optionsJson,
                      String startPosition, String startKey, long pages, String countsJson, String workerVersion,
                      String deploymentId, Instant startedAt, Instant finishedAt) {


        /** A builder with every component unset (null, 0, false): name only what the run has. */

        public static Builder builder() {

            return new Builder();

        }


        /** Builds a {@link Run} by naming its components. */

        public static final class Builder {

            private String runId;

            private String workflowId;

            private String lastExecutionRunId;

            private String flow;

            private String kind;

            private String state;

            private boolean dryRun;

            private String contractHash;

            private String contractVersion;

            private int schemaVersion;

            private String optionsJson;

            private String startPosition;

            private String startKey;

            private long pages;

            private String countsJson;

            private String workerVersion;

            private String deploymentId;

            private Instant startedAt;

            private Instant finishedAt;


            private Builder() {}


            public Builder runId(String runId) {

                this.runId = runId;

                return this;

            }


            public Builder workflowId(String workflowId) {

                this.workflowId = workflowId;

                return this;

            }


            public Builder lastExecutionRunId(String lastExecutionRunId) {

                this.lastExecutionRunId = lastExecutionRunId;

                return this;

            }


            public Builder flow(String flow) {

                this.flow = flow;

                return this;

            }


            public Builder kind(String kind) {

                this.kind = kind;

                return this;

            }


            public Builder state(String state) {

                this.state = state;

                return this;

            }


            public Builder dryRun(boolean dryRun) {

                this.dryRun = dryRun;

                return this;

            }


            public Builder contractHash(String contractHash) {

                this.contractHash = contractHash;

                return this;

            }


            public Builder contractVersion(String contractVersion) {

                this.contractVersion = contractVersion;

                return this;

            }


            public Builder schemaVersion(int schemaVersion) {

                this.schemaVersion = schemaVersion;

                return this;

            }


            public Builder optionsJson(String optionsJson) {

                this.optionsJson = optionsJson;

                return this;

            }


            public Builder startPosition(String startPosition) {

                this.startPosition = startPosition;

                return this;

            }


            public Builder startKey(String startKey) {

                this.startKey = startKey;

                return this;

            }


            public Builder pages(long pages) {

                this.pages = pages;

                return this;

            }


            public Builder countsJson(String countsJson) {

                this.countsJson = countsJson;

                return this;

            }


            public Builder workerVersion(String workerVersion) {

                this.workerVersion = workerVersion;

                return this;

            }


            public Builder deploymentId(String deploymentId) {

                this.deploymentId = deploymentId;

                return this;

            }


            public Builder startedAt(Instant startedAt) {

                this.startedAt = startedAt;

                return this;

            }


            public Builder finishedAt(Instant finishedAt) {

                this.finishedAt = finishedAt;

                return this;

            }


            public Run build() {

                return new Run(runId, workflowId, lastExecutionRunId, flow, kind, state, dryRun, contractHash, contractVersion, schemaVersion, optionsJson, startPosition, startKey, pages, countsJson, workerVersion, deploymentId, startedAt, finishedAt);

            }

        }

    }

    /** Records the run on its first execution; later executions (continue-as-new) only update the execution id. */
    public void start(Connection connection, Run run) throws SQLException {
        Sql.update(connection, dialect.insertIfAbsent("sync_run", COLUMNS, List.of("run_id")), s -> {
            s.setString(1, run.runId());
            s.setString(2, run.workflowId());
            s.setString(3, run.lastExecutionRunId());
            s.setString(4, run.flow());
            s.setString(5, run.kind());
            s.setString(6, run.state());
            s.setBoolean(7, run.dryRun());
            s.setString(8, run.contractHash());
            s.setString(9, run.contractVersion());
            s.setInt(10, run.schemaVersion());
            s.setString(11, run.optionsJson());
            s.setString(12, run.startPosition());
            s.setString(13, run.startKey());
            s.setLong(14, 0);
            s.setString(15, "{}");
            s.setString(16, run.workerVersion());
            s.setString(17, run.deploymentId());
            Sql.setTime(s, 18, clock.instant());
        });
        Sql.update(connection, "update sync_run set last_execution_run_id = ?, state = 'running' where run_id = ?", s -> {
            s.setString(1, run.lastExecutionRunId());
            s.setString(2, run.runId());
        });
    }

    public void finish(Connection connection, String runId, String state, long pages, String countsJson) throws SQLException {
        Sql.update(connection, "update sync_run set state = ?, pages = ?, counts_json = ?, finished_at = ? where run_id = ?", s -> {
            s.setString(1, state);
            s.setLong(2, pages);
            s.setString(3, countsJson);
            Sql.setTime(s, 4, clock.instant());
            s.setString(5, runId);
        });
    }

    public Optional<Run> find(Connection connection, String runId) throws SQLException {
        return Sql.query(connection, "select * from sync_run where run_id = ?", s -> s.setString(1, runId), Runs::read)
                .stream().findFirst();
    }

    /** The newest runs, of one flow or of all when {@code flow} is null. */
    public List<Run> recent(Connection connection, String flow, int limit) throws SQLException {
        return Sql.query(connection, "select * from sync_run" + (flow == null ? "" : " where flow = ?")
                + " order by started_at desc limit " + limit, s -> {
                    if (flow != null) {
                        s.setString(1, flow);
                    }
                }, Runs::read);
    }

    /** Runs of a flow that started at or after {@code since}, newest first. */
    public List<Run> since(Connection connection, String flow, Instant since) throws SQLException {
        return Sql.query(connection, "select * from sync_run where flow = ? and started_at >= ? order by started_at desc", s -> {
            s.setString(1, flow);
            Sql.setTime(s, 2, since);
        }, Runs::read);
    }

    /** The newest run of a flow under a contract version, if any. */
    public Optional<Run> lastUnderContract(Connection connection, String flow, String contractVersion) throws SQLException {
        return Sql.query(connection, "select * from sync_run where flow = ? and contract_version = ? order by started_at desc limit 1", s -> {
            s.setString(1, flow);
            s.setString(2, contractVersion);
        }, Runs::read).stream().findFirst();
    }

    private static Run read(ResultSet r) throws SQLException {
        return new Run(r.getString("run_id"), r.getString("workflow_id"), r.getString("last_execution_run_id"),
                r.getString("flow"), r.getString("kind"), r.getString("state"), r.getBoolean("dry_run"),
                r.getString("contract_hash"), r.getString("contract_version"), r.getInt("schema_version"),
                r.getString("options_json"), r.getString("start_cursor_position"), r.getString("start_cursor_key"),
                r.getLong("pages"), r.getString("counts_json"), r.getString("worker_version"), r.getString("deployment_id"),
                Sql.time(r, "started_at"), Sql.time(r, "finished_at"));
    }
}
