package dev.accord.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Records that broke a rule at the boundary (ingress) or before a write (egress), one row per (change, reason,
 * path), each with a state: {@value #OPEN} until an operator replays the record ({@value #REPLAYED}) or gives it
 * up ({@value #DISCARDED}); {@link QuarantineActions} makes those moves. Quarantining the same change again (a
 * retried page, a replay that fails again) adds no row: it counts the sighting, and a replayed entry goes back to
 * open; a discarded one stays discarded.
 *
 * <p>Every text is fitted to its column ({@link StoreText}): a key of any length, a path or a message never
 * makes recording fail; the unique columns keep a prefix and a hash of longer values, the same every time.
 */
public final class QuarantineLog {

    private final Clock clock;

    public static final String OPEN = "open";
    public static final String REPLAYED = "replayed";
    public static final String DISCARDED = "discarded";
    public static final List<String> STATES = List.of(OPEN, REPLAYED, DISCARDED);

    /** Widths of the unique columns, small enough that PostgreSQL's index entry fits for any text (3 bytes a char). */
    static final int DEDUP_KEY_CHARS = 600;
    static final int PATH_CHARS = 200;

    private static final List<String> COLUMNS = List.of("flow", "system_name", "domain_name", "record_key", "dedup_key",
            "reason_code", "path", "message", "payload_json", "workflow_id", "run_id", "page_no", "created_at", "last_seen_at");

    private final StoreDialect dialect;

    QuarantineLog(StoreDialect dialect, Clock clock) {
        this.clock = clock;
        this.dialect = dialect;
    }

    public record Entry(String flow, String system, String domain, String key, String dedupKey, String reasonCode,
                        String path, String message, String payloadJson, String workflowId, String runId, long page) {}

    /**
     * An entry as recorded, with its life.
     *
     * @param seenCount how often the change was quarantined for this reason and path (first time: 1)
     * @param actedBy who replayed or discarded it last (null: nobody yet), at {@code actedAt}, with {@code note}
     */
    public record Stored(long id, Entry entry, String state, long seenCount, Instant firstSeen, Instant lastSeen, String actedBy,
                         Instant actedAt, String note, String replayWorkflowId, String replayRunId, String replayOutcome) {

        /** Quarantined before a write to a target (the entry's system), not when read from the flow's source. */
        public boolean egress() {
            return entry.dedupKey().startsWith("egress|") || entry.message().startsWith("egress to ");
        }
    }

    public void add(Connection connection, Collection<Entry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        String sql = dialect.insertOrUpdate("quarantine", COLUMNS, List.of("dedup_key", "reason_code", "path"), s ->
                "seen_count = t.seen_count + 1, last_seen_at = " + s + ".last_seen_at, message = " + s + ".message, payload_json = "
                        + s + ".payload_json, state = case when t.state = '" + REPLAYED + "' then '" + OPEN + "' else t.state end");
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            for (Entry e : entries) {
                s.setString(1, StoreText.fit(e.flow(), 64));
                s.setString(2, StoreText.fit(e.system(), 64));
                s.setString(3, StoreText.fit(e.domain(), 64));
                s.setString(4, StoreText.storable(e.key()));
                s.setString(5, StoreText.fit(e.dedupKey(), DEDUP_KEY_CHARS));
                s.setString(6, StoreText.fit(e.reasonCode(), 64));
                s.setString(7, StoreText.fit(e.path(), PATH_CHARS));
                s.setString(8, StoreText.storable(e.message()));
                s.setString(9, StoreText.storable(e.payloadJson()));
                s.setString(10, StoreText.fit(e.workflowId(), 255));
                s.setString(11, StoreText.fit(e.runId(), 64));
                s.setLong(12, e.page());
                Sql.setTime(s, 13, now);
                Sql.setTime(s, 14, now);
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
    public Set<String> keys(Connection connection) throws SQLException {
        return new HashSet<>(Sql.query(connection, "select distinct record_key from quarantine where record_key is not null",
                s -> { }, r -> r.getString(1)));
    }

    public List<Entry> recent(Connection connection, String flow, int limit) throws SQLException {
        return list(connection, new QuarantineFilter(flow, null, null, null), limit).stream().map(Stored::entry).toList();
    }

    /** The newest entries the filter selects, newest first. */
    public List<Stored> list(Connection connection, QuarantineFilter filter, int limit) throws SQLException {
        return Sql.query(connection, "select * from quarantine" + filter.where() + " order by id desc limit " + limit,
                filter::bind, QuarantineLog::read);
    }

    /** Entries the filter selects, counted per flow, reason code and state. */
    public record Count(String flow, String reasonCode, String state, long count) {}

    public List<Count> counts(Connection connection, QuarantineFilter filter) throws SQLException {
        return Sql.query(connection, "select flow, reason_code, state, count(*) from quarantine" + filter.where()
                + " group by flow, reason_code, state order by flow, reason_code, state", filter::bind,
                r -> new Count(r.getString(1), r.getString(2), r.getString(3), r.getLong(4)));
    }

    public Optional<Stored> find(Connection connection, long id) throws SQLException {
        return Sql.query(connection, "select * from quarantine where id = ?", s -> s.setLong(1, id), QuarantineLog::read)
                .stream().findFirst();
    }

    /** The entries with these ids, in id order; unknown ids are left out. */
    public List<Stored> find(Connection connection, Collection<Long> ids) throws SQLException {
        List<Stored> found = new ArrayList<>();
        for (List<Long> chunk : Sql.chunks(new TreeSet<>(ids))) {
            found.addAll(Sql.query(connection, "select * from quarantine where id in " + Sql.in(chunk.size()) + " order by id", s -> {
                for (int i = 0; i < chunk.size(); i++) {
                    s.setLong(i + 1, chunk.get(i));
                }
            }, QuarantineLog::read));
        }
        return found;
    }

    private static Stored read(ResultSet r) throws SQLException {
        Entry entry = new Entry(r.getString("flow"), r.getString("system_name"), r.getString("domain_name"),
                r.getString("record_key"), r.getString("dedup_key"), r.getString("reason_code"), r.getString("path"),
                r.getString("message"), r.getString("payload_json"), r.getString("workflow_id"), r.getString("run_id"),
                r.getLong("page_no"));
        return new Stored(r.getLong("id"), entry, r.getString("state"), r.getLong("seen_count"), Sql.time(r, "created_at"),
                Sql.time(r, "last_seen_at"), r.getString("acted_by"), Sql.time(r, "acted_at"), r.getString("act_note"),
                r.getString("replay_workflow_id"), r.getString("replay_run_id"), r.getString("replay_outcome"));
    }
}
