package dev.accord.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;

/** What waits in the store for someone: quarantined records and open reviews, counted for metrics. */
public final class Backlogs {

    private final Clock clock;

    Backlogs(Clock clock) {
        this.clock = clock;
    }

    /** Quarantine entries per (flow, system, domain, reason code): all of them, and those still open. */
    public record Quarantined(String flow, String system, String domain, String reasonCode, long count, long open) {}

    /** Pending reviews per (flow, domain), and the age of the oldest one in seconds. */
    public record PendingReviews(String flow, String domain, long count, long oldestAgeSeconds) {}

    public List<Quarantined> quarantine(Connection connection) throws SQLException {
        return Sql.query(connection, "select flow, system_name, domain_name, reason_code, count(*),"
                + " sum(case when state = '" + QuarantineLog.OPEN + "' then 1 else 0 end) from quarantine"
                + " group by flow, system_name, domain_name, reason_code", s -> { },
                r -> new Quarantined(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getLong(5), r.getLong(6)));
    }

    public List<PendingReviews> reviews(Connection connection) throws SQLException {
        long now = clock.instant().getEpochSecond();
        return Sql.query(connection, "select flow, domain_name, count(*), min(created_at) as oldest from review_queue"
                + " where status = 'pending' group by flow, domain_name", s -> { },
                r -> new PendingReviews(r.getString(1), r.getString(2), r.getLong(3), now - Sql.time(r, "oldest").getEpochSecond()));
    }
}
