package dev.accord.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Lock waits in the benchmark's PostgreSQL database while a phase runs: every 100 ms, from its own connection,
 * the number of sessions of that database waiting for a lock ({@code pg_locks} entries not granted; a session
 * waits for one lock at a time). Row locks show up here too: a writer blocked on another's row waits for that
 * transaction's lock. Store, source and target share the database, so this is every wait of the phase.
 */
final class LockSampler implements AutoCloseable {

    private static final long EVERY_MILLIS = 100;
    private static final String WAITING = "select count(*) from pg_locks l join pg_stat_activity a on a.pid = l.pid"
            + " where not l.granted and a.datname = current_database()";

    private final Jdbc database;
    private final List<Integer> samples = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile RuntimeException failure;

    LockSampler(Jdbc database) {
        this.database = database;
        thread = new Thread(this::sample, "lock-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void sample() {
        try (Connection connection = database.connect(); PreparedStatement waiting = connection.prepareStatement(WAITING)) {
            while (running) {
                try (ResultSet result = waiting.executeQuery()) {
                    result.next();
                    int count = result.getInt(1);
                    synchronized (samples) {
                        samples.add(count);
                    }
                }
                Thread.sleep(EVERY_MILLIS);
            }
        } catch (SQLException e) {
            failure = new BenchException("the lock sampler cannot read pg_locks", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops sampling; what it saw. */
    Results.LockWaits stop() throws InterruptedException {
        close();
        if (failure != null) {
            throw failure;
        }
        synchronized (samples) {
            return Results.LockWaits.of(samples);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5_000);
    }
}
