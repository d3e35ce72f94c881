package dev.accord.store;

import dev.accord.connectors.FailureClassifier;
import dev.accord.connectors.Redaction;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * The store's transactions, fenced when they run for an activity attempt ({@link #fenced}): every transaction the
 * attempt runs checks its lease as its last statement and commits only while the attempt is the newest of its
 * activity; a superseded attempt's transaction is rolled back, recorded in {@code fenced_attempt} and ends in a
 * {@link SupersededAttemptException}. The attempt is held per thread, since an activity's store work runs on its
 * own thread, deep below the activity (hub, delivery, rollback) — it is set in exactly one place, the activities'
 * failure translation, and read here only.
 *
 * <p>On PostgreSQL every connection ends a transaction left idle for {@link #IDLE_TRANSACTION_SECONDS} seconds (a
 * worker frozen mid-transaction), so a frozen transaction never holds locks a replacement waits for longer than that,
 * and never commits once the replacement may have started (the heartbeat timeout is 30 s).
 */
final class StoreTransactions {

    /** Below the activities' heartbeat timeout (30 s) minus their heartbeat interval (5 s). */
    static final int IDLE_TRANSACTION_SECONDS = 20;

    private static final ThreadLocal<Fence> ATTEMPT = new ThreadLocal<>();

    private final DataSource dataSource;
    private final StoreDialect dialect;
    private final AttemptLeases leases;
    private final Clock clock;
    private final Set<Object> bounded = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    StoreTransactions(DataSource dataSource, StoreDialect dialect, AttemptLeases leases, Clock clock) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.leases = leases;
        this.clock = clock;
    }

    /** The attempt this thread's store work runs for, or null outside a fenced activity. */
    static Fence currentAttempt() {
        return ATTEMPT.get();
    }

    <T> T inTransaction(AccordStore.Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            boundIdleTransactions(connection);
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                Fence fence = ATTEMPT.get();
                if (fence != null && !leases.holds(connection, fence, clock.instant())) {
                    connection.rollback();
                    throw refused(fence, "a store transaction");
                }
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new StoreException("Accord store transaction failed: " + Redaction.message(e.getMessage())
                    + " (SQLState " + e.getSQLState() + ")", Redaction.sqlException(e), FailureClassifier.kind(e));
        }
    }

    /**
     * Runs {@code work} as {@code fence}'s attempt: takes the activity's lease first (refused when a newer attempt
     * holds it), then fences every store transaction of the work.
     */
    <T> T fenced(Fence fence, Supplier<T> work) {
        boolean acquired = inUnfencedTransaction(c -> {
            leases.purge(c, clock.instant());
            return leases.acquire(c, fence, clock.instant());
        });
        if (!acquired) {
            throw refused(fence, "taking its lease");
        }
        Fence outer = ATTEMPT.get();
        ATTEMPT.set(fence);
        try {
            return work.get();
        } finally {
            ATTEMPT.set(outer);
        }
    }

    /**
     * Fails unless the current attempt (if any) still holds its lease: called right before a write to a system, so
     * a superseded attempt issues none.
     */
    void checkFence(String what) {
        Fence fence = ATTEMPT.get();
        if (fence != null && !inUnfencedTransaction(c -> leases.holds(c, fence, clock.instant()))) {
            throw refused(fence, what);
        }
    }

    private SupersededAttemptException refused(Fence fence, String what) {
        Long current = inUnfencedTransaction(c -> {
            Long token = leases.current(c, fence.scope());
            leases.refused(c, fence, token, what, clock.instant());
            return token;
        });
        return new SupersededAttemptException(fence, current);
    }

    private <T> T inUnfencedTransaction(AccordStore.Work<T> work) {
        Fence fence = ATTEMPT.get();
        ATTEMPT.remove();
        try {
            return inTransaction(work);
        } finally {
            if (fence != null) {
                ATTEMPT.set(fence);
            }
        }
    }

    /** Once per physical PostgreSQL connection: end a transaction left idle (a frozen worker) after a bounded time. */
    private void boundIdleTransactions(Connection connection) throws SQLException {
        if (dialect != StoreDialect.POSTGRES) {
            return;
        }
        Object physical = connection.isWrapperFor(org.postgresql.PGConnection.class)
                ? connection.unwrap(org.postgresql.PGConnection.class) : connection;
        if (bounded.add(physical)) {
            try (Statement s = connection.createStatement()) {
                s.execute("set idle_in_transaction_session_timeout = '" + IDLE_TRANSACTION_SECONDS + "s'");
            }
        }
    }
}
