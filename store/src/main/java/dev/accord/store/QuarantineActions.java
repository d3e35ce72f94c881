package dev.accord.store;

import static dev.accord.store.QuarantineLog.DISCARDED;
import static dev.accord.store.QuarantineLog.OPEN;
import static dev.accord.store.QuarantineLog.REPLAYED;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What operators do with quarantine entries ({@link QuarantineLog}): choose them for a replay, record how a replay
 * ended for each, discard them, and open them again when a replay's run is rolled back. Who acted and when is kept
 * with every entry; a discarded entry is never changed again.
 */
public final class QuarantineActions {

    private final Clock clock;

    private final QuarantineLog log;

    QuarantineActions(QuarantineLog log, Clock clock) {
        this.clock = clock;
        this.log = log;
    }

    /**
     * Ids of the next entries of {@code flow} to replay after {@code afterId}, in id order: of {@code ids} those not
     * discarded, or when none are given, the open entries {@code filter} selects.
     */
    public List<Long> replayable(Connection connection, String flow, Collection<Long> ids, QuarantineFilter filter, long afterId,
                                 int limit) throws SQLException {
        if (!ids.isEmpty()) {
            List<Long> wanted = new TreeSet<>(ids).stream().filter(id -> id > afterId).limit(limit).toList();
            return log.find(connection, wanted).stream().filter(e -> e.entry().flow().equals(flow) && !DISCARDED.equals(e.state()))
                    .map(QuarantineLog.Stored::id).toList();
        }
        QuarantineFilter open = new QuarantineFilter(flow, filter.reason(), OPEN, filter.key());
        return Sql.query(connection, "select id from quarantine" + open.where() + " and id > ? order by id limit " + limit, s -> {
            int bound = open.bind(s);
            s.setLong(bound + 1, afterId);
        }, r -> r.getLong(1));
    }

    /**
     * Entries named for a replay, by flow (each replay runs for one flow), in id order.
     *
     * @param discarded named entries that are discarded: a replay leaves them alone
     * @param unknown named ids that are no entry
     */
    public record Named(Map<String, List<Long>> byFlow, List<QuarantineLog.Stored> discarded, Set<Long> unknown) {}

    public Named named(Connection connection, Collection<Long> ids) throws SQLException {
        Map<String, List<Long>> byFlow = new LinkedHashMap<>();
        List<QuarantineLog.Stored> discarded = new ArrayList<>();
        Set<Long> unknown = new TreeSet<>(ids);
        for (QuarantineLog.Stored entry : log.find(connection, ids)) {
            unknown.remove(entry.id());
            if (DISCARDED.equals(entry.state())) {
                discarded.add(entry);
            } else {
                byFlow.computeIfAbsent(entry.entry().flow(), f -> new ArrayList<>()).add(entry.id());
            }
        }
        return new Named(byFlow, discarded, unknown);
    }

    /** Gives up open entries: they stay in the log as {@value #DISCARDED}, with who and why. Returns how many. */
    public int discard(Connection connection, Collection<Long> ids, String by, String note) throws SQLException {
        Instant now = clock.instant();
        int discarded = 0;
        for (long id : ids) {
            discarded += Sql.update(connection, "update quarantine set state = ?, acted_by = ?, acted_at = ?, act_note = ?"
                    + " where id = ? and state = ?", s -> {
                        s.setString(1, DISCARDED);
                        s.setString(2, StoreText.fit(by, 128));
                        Sql.setTime(s, 3, now);
                        s.setString(4, StoreText.storable(note));
                        s.setLong(5, id);
                        s.setString(6, OPEN);
                    });
        }
        return discarded;
    }

    /**
     * How a replay ended for one entry: {@code replayed}, or back to (or still) open when the record was
     * quarantined again.
     */
    public record ReplayMark(long id, boolean replayed, String outcome) {}

    /** Records replays by {@code by} in workflow {@code workflowId}, run {@code runId}; discarded entries stay as they are. */
    public void replayed(Connection connection, Collection<ReplayMark> marks, String by, String workflowId, String runId)
            throws SQLException {
        Instant now = clock.instant();
        try (PreparedStatement s = connection.prepareStatement("update quarantine set state = ?, acted_by = ?, acted_at = ?,"
                + " replay_workflow_id = ?, replay_run_id = ?, replay_outcome = ? where id = ? and state <> ?")) {
            for (ReplayMark mark : marks) {
                s.setString(1, mark.replayed() ? REPLAYED : OPEN);
                s.setString(2, StoreText.fit(by, 128));
                Sql.setTime(s, 3, now);
                s.setString(4, StoreText.fit(workflowId, 255));
                s.setString(5, StoreText.fit(runId, 64));
                s.setString(6, StoreText.storable(mark.outcome()));
                s.setLong(7, mark.id());
                s.setString(8, DISCARDED);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** A replay run was rolled back: the entries it replayed are open again. Returns how many. */
    public int reopenReplayedBy(Connection connection, String runId) throws SQLException {
        return Sql.update(connection, "update quarantine set state = ?, replay_outcome = 'rolled back: ' || replay_outcome"
                + " where replay_run_id = ? and state = ?", s -> {
                    s.setString(1, OPEN);
                    s.setString(2, StoreText.fit(runId, 64));
                    s.setString(3, REPLAYED);
                });
    }
}
