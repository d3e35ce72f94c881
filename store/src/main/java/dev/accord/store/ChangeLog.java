package dev.accord.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    /** The target refused the write's values (the record went to quarantine); nothing of it was written. */
    public static final String REJECTED = "rejected";
    public static final String ROLLBACK_CONFLICT = "rollback-conflict";
    /**
     * Logged ahead by an attempt whose write never landed, while another attempt's write to the same row did (a
     * worker killed or stalled between the write-ahead and its write): nothing to undo.
     */
    public static final String SUPERSEDED = "superseded";

    private static final String INSERT = "insert into change_log (flow, workflow_id, run_id, execution_run_id, page_no,"
            + " target_system, domain_name, record_key, operation, before_json, after_json, before_version, status, created_at,"
            + " before_local_json, attempt_scope, attempt_token) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final Clock clock;

    ChangeLog(Clock clock) {
        this.clock = clock;
    }

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
                        Long beforeVersion, Long afterVersion, String status, String detail, String beforeLocalJson) {

        /** A builder with every component unset (null, 0, false): name only what the entry has. */
        public static Builder builder() {
            return new Builder();
        }

        /** Builds a {@link Entry} by naming its components. */
        public static final class Builder {
            private long id;
            private String flow;
            private String workflowId;
            private String runId;
            private String executionRunId;
            private long page;
            private String target;
            private String domain;
            private String key;
            private String operation;
            private String beforeJson;
            private String afterJson;
            private Long beforeVersion;
            private Long afterVersion;
            private String status;
            private String detail;
            private String beforeLocalJson;

            private Builder() {}

            public Builder id(long id) {
                this.id = id;
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

            public Builder target(String target) {
                this.target = target;
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

            public Builder operation(String operation) {
                this.operation = operation;
                return this;
            }

            public Builder beforeJson(String beforeJson) {
                this.beforeJson = beforeJson;
                return this;
            }

            public Builder afterJson(String afterJson) {
                this.afterJson = afterJson;
                return this;
            }

            public Builder beforeVersion(Long beforeVersion) {
                this.beforeVersion = beforeVersion;
                return this;
            }

            public Builder afterVersion(Long afterVersion) {
                this.afterVersion = afterVersion;
                return this;
            }

            public Builder status(String status) {
                this.status = status;
                return this;
            }

            public Builder detail(String detail) {
                this.detail = detail;
                return this;
            }

            public Builder beforeLocalJson(String beforeLocalJson) {
                this.beforeLocalJson = beforeLocalJson;
                return this;
            }

            public Entry build() {
                return new Entry(id, flow, workflowId, runId, executionRunId, page, target, domain, key, operation, beforeJson, afterJson, beforeVersion, afterVersion, status, detail, beforeLocalJson);
            }
        }
    }

    /**
     * Logs writes before they are made, each naming the attempt that logs it (the current fenced attempt, if any),
     * and answers the new entries' ids in order. Entries other attempts left pending for the same rows stay: one of
     * them may be a write still in flight, and {@link #settle} and {@link #settleLanded} decide which entry stands for
     * what the target holds.
     */
    public List<Long> writeAhead(Connection connection, List<Entry> entries) throws SQLException {
        List<Long> ids = new ArrayList<>(entries.size());
        if (entries.isEmpty()) {
            return ids;
        }
        Instant now = clock.instant();
        Fence attempt = StoreTransactions.currentAttempt();
        try (PreparedStatement s = connection.prepareStatement(INSERT, new String[] {"id"})) {
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
                s.setString(16, attempt == null ? null : attempt.scope());
                s.setObject(17, attempt == null ? null : attempt.token());
                s.addBatch();
            }
            s.executeBatch();
            try (ResultSet keys = s.getGeneratedKeys()) {
                while (keys.next()) {
                    ids.add(keys.getLong(1));
                }
            }
        }
        if (ids.size() != entries.size()) {
            throw new StoreException("the store answered " + ids.size() + " ids for " + entries.size() + " change-log entries");
        }
        return ids;
    }

    /**
     * How one logged write ended: applied (with the row's new version), a conflict, or rejected by the target.
     *
     * @param id the entry this attempt logged ahead
     */
    public record Settlement(long id, String status, Long afterVersion, String detail) {}

    /**
     * Settles this attempt's own entries in one batch (an entry that is no longer pending is left as it is). For an
     * applied write, every other entry still pending for the same target row in the run is marked
     * {@code superseded}: its write never landed (had it, this compare-and-set would have failed), and this entry
     * stands for what the row holds.
     */
    public void settle(Connection connection, Collection<Settlement> settlements, String runId, String target, String domain,
                       Map<Long, String> keysById) throws SQLException {
        if (settlements.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        try (PreparedStatement s = connection.prepareStatement("update change_log set status = ?, after_version = ?, detail = ?,"
                + " applied_at = ? where id = ? and status = ?")) {
            for (Settlement settlement : settlements) {
                s.setString(1, settlement.status());
                s.setObject(2, settlement.afterVersion());
                s.setString(3, settlement.detail());
                Sql.setTime(s, 4, now);
                s.setLong(5, settlement.id());
                s.setString(6, PENDING);
                s.addBatch();
            }
            s.executeBatch();
        }
        List<Settlement> applied = settlements.stream().filter(x -> APPLIED.equals(x.status())).toList();
        Set<String> stillPending = pendingKeys(connection, runId, target, domain, applied.stream().map(a -> keysById.get(a.id())).toList());
        if (stillPending.isEmpty()) {
            return;
        }
        try (PreparedStatement s = connection.prepareStatement("update change_log set status = ?, detail = ?, applied_at = ?"
                + " where run_id = ? and target_system = ? and domain_name = ? and record_key = ? and status = ? and id <> ?")) {
            for (Settlement settlement : applied) {
                if (!stillPending.contains(keysById.get(settlement.id()))) {
                    continue;
                }
                s.setString(1, SUPERSEDED);
                s.setString(2, "another attempt's write to this row landed (entry " + settlement.id() + ")");
                Sql.setTime(s, 3, now);
                s.setString(4, runId);
                s.setString(5, target);
                s.setString(6, domain);
                s.setString(7, keysById.get(settlement.id()));
                s.setString(8, PENDING);
                s.setLong(9, settlement.id());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** Keys among {@code keys} that still have a pending entry in the run: the rare rows another attempt logged ahead too. */
    private static Set<String> pendingKeys(Connection connection, String runId, String target, String domain, List<String> keys)
            throws SQLException {
        Set<String> pending = new HashSet<>();
        for (int from = 0; from < keys.size(); from += 500) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + 500));
            pending.addAll(Sql.query(connection, "select record_key from change_log where target_system = ? and domain_name = ?"
                    + " and record_key in (" + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ") and run_id = ? and status = ?",
                    st -> {
                        st.setString(1, target);
                        st.setString(2, domain);
                        for (int i = 0; i < chunk.size(); i++) {
                            st.setString(3 + i, chunk.get(i));
                        }
                        st.setString(3 + chunk.size(), runId);
                        st.setString(4 + chunk.size(), PENDING);
                    }, r -> r.getString(1)));
        }
        return pending;
    }

    /**
     * Settles writes found already in place (the row holds what was logged for it: an earlier attempt's write landed
     * and was never settled, its worker killed or stalled): per row, the oldest entry still pending in the run becomes
     * {@code applied} with the row's version, so exactly one entry stands for the write, and any later pending entry
     * of the row (logged from the same state by a retry) is {@code superseded}.
     *
     * @param versions the row's version now, by key
     */
    public void settleLanded(Connection connection, String runId, String target, String domain, Map<String, Long> versions,
                             String detail) throws SQLException {
        if (versions.isEmpty()) {
            return;
        }
        List<String> keys = new ArrayList<>(versions.keySet());
        List<Pending> pending = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += 500) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + 500));
            pending.addAll(Sql.query(connection, "select id, record_key from change_log where run_id = ? and target_system = ?"
                    + " and domain_name = ? and status = ? and record_key in (" + String.join(", ", Collections.nCopies(chunk.size(), "?"))
                    + ") order by id", st -> {
                        st.setString(1, runId);
                        st.setString(2, target);
                        st.setString(3, domain);
                        st.setString(4, PENDING);
                        for (int i = 0; i < chunk.size(); i++) {
                            st.setString(5 + i, chunk.get(i));
                        }
                    }, r -> new Pending(r.getLong(1), r.getString(2))));
        }
        if (pending.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Set<String> settled = new HashSet<>();
        try (PreparedStatement s = connection.prepareStatement("update change_log set status = ?, after_version = ?, detail = ?,"
                + " applied_at = ? where id = ? and status = ?")) {
            for (Pending entry : pending) {
                boolean oldest = settled.add(entry.key());
                s.setString(1, oldest ? APPLIED : SUPERSEDED);
                s.setObject(2, oldest ? versions.get(entry.key()) : null);
                s.setString(3, oldest ? detail : "an earlier entry of this row stands for the write that landed");
                Sql.setTime(s, 4, now);
                s.setLong(5, entry.id());
                s.setString(6, PENDING);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private record Pending(long id, String key) {}

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
        Instant now = clock.instant();
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

    /**
     * The writes to the same target row logged after {@code entry} that may have touched it, oldest first: entries
     * that wrote nothing (a lost compare-and-set, values the target refused, a superseded attempt's write-ahead) are
     * left out, since a row's version never moved through them.
     */
    public List<Entry> laterWrites(Connection connection, Entry entry) throws SQLException {
        return Sql.query(connection, "select * from change_log where target_system = ? and domain_name = ? and record_key = ?"
                + " and id > ? and status not in ('" + CONFLICT + "', '" + REJECTED + "', '" + SUPERSEDED + "') order by id", s -> {
                    s.setString(1, entry.target());
                    s.setString(2, entry.domain());
                    s.setString(3, entry.key());
                    s.setLong(4, entry.id());
                }, ChangeLog::read);
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
