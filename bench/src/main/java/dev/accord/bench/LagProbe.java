package dev.accord.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sees when a value becomes visible in the MariaDB target: triggers on the target table append every
 * written marker e-mail to {@code lag_seen}, and this probe reads new entries every 20 ms from its own
 * connection, so "visible" means committed in the target and read back by another session.
 */
final class LagProbe implements AutoCloseable {

    static final String MARKER_PREFIX = "lag-";
    private static final long POLL_MILLIS = 20;

    private final Jdbc target;
    private final Map<String, Long> seenAt = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile RuntimeException failure;

    LagProbe(Jdbc target, String table) {
        this.target = target;
        String note = " for each row begin if new.contact_email like '" + MARKER_PREFIX + "%' then"
                + " insert into lag_seen (email) values (new.contact_email); end if; end";
        target.execute("create table lag_seen (seq bigint auto_increment primary key, email varchar(254) not null)",
                "create trigger lag_seen_insert after insert on " + table + note,
                "create trigger lag_seen_update after update on " + table + note);
        thread = new Thread(this::poll, "lag-probe");
        thread.setDaemon(true);
        thread.start();
    }

    /** When the marker was first seen in the target ({@link System#nanoTime()}), or null. */
    Long seenAt(String marker) {
        return seenAt.get(marker);
    }

    int seen() {
        return seenAt.size();
    }

    private void poll() {
        long after = 0;
        try (Connection connection = target.connect();
             PreparedStatement next = connection.prepareStatement("select seq, email from lag_seen where seq > ? order by seq")) {
            while (running) {
                next.setLong(1, after);
                try (ResultSet rows = next.executeQuery()) {
                    long now = System.nanoTime();
                    while (rows.next()) {
                        after = rows.getLong(1);
                        seenAt.putIfAbsent(rows.getString(2), now);
                    }
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (SQLException e) {
            failure = new BenchException("the lag probe cannot read the target", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Fails when the probe stopped on an error. */
    void check() {
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5_000);
    }
}
