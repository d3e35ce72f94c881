package dev.accord.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The attempt leases behind fencing: one row per activity, holding the token of its newest attempt. An attempt
 * takes the lease when it starts (a newer token wins, an older one is refused), and each of its store
 * transactions checks, as its last statement before commit, that the lease still holds its token. The check
 * updates the lease row, so a replacement taking the lease waits for a commit in progress (or for the database
 * to end a transaction frozen with its worker; see {@code idle_in_transaction_session_timeout}) and is ordered
 * after it.
 */
public final class AttemptLeases {

    /** Leases older than this are purged: no attempt sleeps that long and wakes to write. */
    static final Duration KEPT = Duration.ofDays(7);

    private final StoreDialect dialect;

    AttemptLeases(StoreDialect dialect) {
        this.dialect = dialect;
    }

    /** Takes the lease for {@code fence}'s attempt; false when a newer attempt already holds it. */
    public boolean acquire(Connection connection, Fence fence, Instant now) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(dialect.acquireLease())) {
            s.setString(1, fence.scope());
            s.setLong(2, fence.token());
            s.setString(3, fence.holder());
            Sql.setTime(s, 4, now);
            return s.executeUpdate() > 0;
        }
    }

    /** True when the lease still holds {@code fence}'s token; the lease row stays locked until the transaction ends. */
    public boolean holds(Connection connection, Fence fence, Instant now) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("update attempt_lease set checked_at = ? where scope = ? and token = ?")) {
            Sql.setTime(s, 1, now);
            s.setString(2, fence.scope());
            s.setLong(3, fence.token());
            return s.executeUpdate() > 0;
        }
    }

    /** The token the lease holds now, or null when there is none. */
    public Long current(Connection connection, String scope) throws SQLException {
        List<Long> tokens = Sql.query(connection, "select token from attempt_lease where scope = ?", s -> s.setString(1, scope),
                r -> r.getLong(1));
        return tokens.isEmpty() ? null : tokens.get(0);
    }

    /** Records what a superseded attempt tried to commit. */
    public void refused(Connection connection, Fence fence, Long current, String what, Instant now) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("insert into fenced_attempt (scope, token, current_token, holder, what, at)"
                + " values (?, ?, ?, ?, ?, ?)")) {
            s.setString(1, fence.scope());
            s.setLong(2, fence.token());
            s.setObject(3, current);
            s.setString(4, fence.holder());
            s.setString(5, what.length() <= 255 ? what : what.substring(0, 255));
            Sql.setTime(s, 6, now);
            s.executeUpdate();
        }
    }

    /** Drops leases taken before {@code now} minus a week. */
    public int purge(Connection connection, Instant now) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("delete from attempt_lease where acquired_at < ?")) {
            Sql.setTime(s, 1, now.minus(KEPT));
            return s.executeUpdate();
        }
    }

    /** Refusals recorded since {@code since}, for metrics and tests. */
    public long refusals(Connection connection, Instant since) throws SQLException {
        return Sql.query(connection, "select count(*) from fenced_attempt where at >= ?", s -> Sql.setTime(s, 1, since),
                r -> r.getLong(1)).get(0);
    }
}
