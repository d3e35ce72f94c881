package dev.accord.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Changes source rows at a fixed rate, as the CRM's users would: every 10 ms one transaction that gives
 * the next few customers a new marker e-mail ({@code lag-<n>@example.com}) and moves their change-tracking
 * timestamp. Remembers when each marker was committed ({@link System#nanoTime()} right after the commit).
 */
final class LagWriter implements AutoCloseable {

    private static final long TICK_MILLIS = 10;

    private final Connection connection;
    private final PreparedStatement update;
    private final int customers;
    private final double perTick;
    private final Map<String, Long> committedAt = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "lag-writer"));
    private volatile RuntimeException failure;
    private double owed;
    private long written;

    LagWriter(Jdbc source, int customers, int perSecond) throws SQLException {
        this.connection = source.connect();
        connection.setAutoCommit(false);
        this.update = connection.prepareStatement("update " + BenchDatabases.SOURCE
                + " set email = ?, updated_at = clock_timestamp() at time zone 'UTC' where id = ?");
        this.customers = customers;
        this.perTick = perSecond * TICK_MILLIS / 1000.0;
    }

    void start() {
        timer.scheduleAtFixedRate(this::tick, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        owed += perTick;
        int now = (int) owed;
        owed -= now;
        if (now == 0 || failure != null) {
            return;
        }
        try {
            String[] markers = new String[now];
            for (int i = 0; i < now; i++) {
                long n = written++;
                markers[i] = LagProbe.MARKER_PREFIX + n + "@example.com";
                update.setString(1, markers[i]);
                update.setString(2, String.format("C%07d", n % customers + 1));
                update.addBatch();
            }
            update.executeBatch();
            connection.commit();
            long at = System.nanoTime();
            for (String marker : markers) {
                committedAt.put(marker, at);
            }
        } catch (SQLException e) {
            failure = new BenchException("the lag writer cannot update the source", e);
        }
    }

    /** Marker → commit time, for every committed change. */
    Map<String, Long> committed() {
        if (failure != null) {
            throw failure;
        }
        return committedAt;
    }

    /** Stops writing; the changes committed so far stay. */
    void stop() throws InterruptedException {
        timer.shutdown();
        timer.awaitTermination(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        stop();
        connection.close();
    }
}
