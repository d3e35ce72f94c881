package dev.accord.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Lineage: every decision on every field, with old and new value, source system and version, run,
 * contract hash and version, schema version and time. Answers "how did this field get this value". Texts are
 * fitted to their columns ({@link StoreText}), so an entry is always recorded, and looked up the same way.
 */
public final class FieldHistory {

    private final Clock clock;

    private static final List<String> COLUMNS = List.of("domain_name", "record_key", "field_name", "decision", "reason",
            "old_value", "new_value", "old_version_json", "new_version_json", "source_system", "source_version", "source_time",
            "flow", "workflow_id", "run_id", "execution_run_id", "page_no", "contract_hash", "contract_version", "schema_version",
            "trace_id", "recorded_at");
    private static final String INSERT = StoreDialect.insert("field_history", COLUMNS);

    private final StoreDialect dialect;

    FieldHistory(StoreDialect dialect, Clock clock) {
        this.clock = clock;
        this.dialect = dialect;
    }

    /** One field decision, as recorded. Values and versions are JSON text. */
    public record Entry(long id, String domain, String key, String field, String decision, String reason,
                        String oldValue, String newValue, String oldVersionJson, String newVersionJson,
                        String sourceSystem, long sourceVersion, Instant sourceTime,
                        String flow, String workflowId, String runId, String executionRunId, long page,
                        String contractHash, String contractVersion, int schemaVersion, String traceId, Instant recordedAt) {

        /** A builder with every component unset (null, 0, false): name only what the entry has. */
        public static Builder builder() {
            return new Builder();
        }

        /** Builds a {@link Entry} by naming its components. */
        public static final class Builder {
            private long id;
            private String domain;
            private String key;
            private String field;
            private String decision;
            private String reason;
            private String oldValue;
            private String newValue;
            private String oldVersionJson;
            private String newVersionJson;
            private String sourceSystem;
            private long sourceVersion;
            private Instant sourceTime;
            private String flow;
            private String workflowId;
            private String runId;
            private String executionRunId;
            private long page;
            private String contractHash;
            private String contractVersion;
            private int schemaVersion;
            private String traceId;
            private Instant recordedAt;

            private Builder() {}

            public Builder id(long id) {
                this.id = id;
                return this;
            }

            public Builder domain(String domain) {
                this.domain = domain;
                return this;
            }

            public Builder key(String key) {
                this.key = key;
                return this;
            }

            public Builder field(String field) {
                this.field = field;
                return this;
            }

            public Builder decision(String decision) {
                this.decision = decision;
                return this;
            }

            public Builder reason(String reason) {
                this.reason = reason;
                return this;
            }

            public Builder oldValue(String oldValue) {
                this.oldValue = oldValue;
                return this;
            }

            public Builder newValue(String newValue) {
                this.newValue = newValue;
                return this;
            }

            public Builder oldVersionJson(String oldVersionJson) {
                this.oldVersionJson = oldVersionJson;
                return this;
            }

            public Builder newVersionJson(String newVersionJson) {
                this.newVersionJson = newVersionJson;
                return this;
            }

            public Builder sourceSystem(String sourceSystem) {
                this.sourceSystem = sourceSystem;
                return this;
            }

            public Builder sourceVersion(long sourceVersion) {
                this.sourceVersion = sourceVersion;
                return this;
            }

            public Builder sourceTime(Instant sourceTime) {
                this.sourceTime = sourceTime;
                return this;
            }

            public Builder flow(String flow) {
                this.flow = flow;
                return this;
            }

            public Builder workflowId(String workflowId) {
                this.workflowId = workflowId;
                return this;
            }

            public Builder runId(String runId) {
                this.runId = runId;
                return this;
            }

            public Builder executionRunId(String executionRunId) {
                this.executionRunId = executionRunId;
                return this;
            }

            public Builder page(long page) {
                this.page = page;
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

            public Builder traceId(String traceId) {
                this.traceId = traceId;
                return this;
            }

            public Builder recordedAt(Instant recordedAt) {
                this.recordedAt = recordedAt;
                return this;
            }

            public Entry build() {
                return new Entry(id, domain, key, field, decision, reason, oldValue, newValue, oldVersionJson, newVersionJson, sourceSystem, sourceVersion, sourceTime, flow, workflowId, runId, executionRunId, page, contractHash, contractVersion, schemaVersion, traceId, recordedAt);
            }
        }
    }

    public void append(Connection connection, Collection<Entry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<Object[]> rows = entries.stream().map(e -> row(e, now)).toList();
        if (dialect == StoreDialect.POSTGRES) {
            PostgresCopy.append(connection, "field_history", COLUMNS, rows);
            return;
        }
        try (PreparedStatement s = connection.prepareStatement(INSERT)) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    if (row[i] instanceof Instant time) {
                        Sql.setTime(s, i + 1, time);
                    } else {
                        s.setObject(i + 1, row[i]);
                    }
                }
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** One entry's values in column order, every text fitted to its column ({@link StoreText}). */
    private static Object[] row(Entry e, Instant now) {
        return new Object[] {StoreText.fit(e.domain(), 64), StoreText.fit(e.key(), 255), StoreText.fit(e.field(), 64),
            StoreText.fit(e.decision(), 32), StoreText.storable(e.reason()), StoreText.storable(e.oldValue()),
            StoreText.storable(e.newValue()), StoreText.storable(e.oldVersionJson()), StoreText.storable(e.newVersionJson()),
            StoreText.fit(e.sourceSystem(), 64), e.sourceVersion(), e.sourceTime(), StoreText.fit(e.flow(), 64),
            StoreText.fit(e.workflowId(), 255), StoreText.fit(e.runId(), 64), StoreText.fit(e.executionRunId(), 64), e.page(),
            StoreText.fit(e.contractHash(), 80), StoreText.fit(e.contractVersion(), 32), e.schemaVersion(),
            StoreText.fit(e.traceId(), 64), now};
    }

    /** The history of one record (optionally one field), oldest first. */
    public List<Entry> forRecord(Connection connection, String domain, String key, String field) throws SQLException {
        String sql = "select * from field_history where domain_name = ? and record_key = ?"
                + (field == null ? "" : " and field_name = ?") + " order by id";
        return Sql.query(connection, sql, s -> {
            s.setString(1, domain);
            s.setString(2, StoreText.fit(key, 255));
            if (field != null) {
                s.setString(3, StoreText.fit(field, 64));
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
