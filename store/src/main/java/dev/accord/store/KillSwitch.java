package dev.accord.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;

/** The global kill switch: while engaged, every apply holds its writes and runs wait instead of failing. */
public final class KillSwitch {

    private final Clock clock;

    KillSwitch(Clock clock) {
        this.clock = clock;
    }

    public record State(boolean engaged, String reason, String changedBy, Instant changedAt) {}

    public State state(Connection connection) throws SQLException {
        return Sql.query(connection, "select engaged, reason, changed_by, changed_at from kill_switch where id = 1", s -> { },
                r -> new State(r.getBoolean(1), r.getString(2), r.getString(3), Sql.time(r, "changed_at")))
                .stream().findFirst().orElse(new State(false, null, null, null));
    }

    public void set(Connection connection, boolean engaged, String reason, String changedBy) throws SQLException {
        Sql.update(connection, "update kill_switch set engaged = ?, reason = ?, changed_by = ?, changed_at = ? where id = 1", s -> {
            s.setBoolean(1, engaged);
            s.setString(2, reason);
            s.setString(3, changedBy);
            Sql.setTime(s, 4, clock.instant());
        });
    }
}
