package dev.accord.connectors.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accord.connectors.SystemUnavailableException;
import dev.accord.connectors.http.HttpRejectedException;
import dev.accord.connectors.jdbc.JdbcAccessException;
import dev.accord.connectors.jdbc.MappingConfigurationException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The guards around one system's calls: breaker, half-open probes, time limit, bulkhead, rate limit. */
class SystemGuardTest {

    private final ResilienceSettings settings = new ResilienceSettings(50f, 4, 4, Duration.ofMillis(300), 1, 0,
            Duration.ofMillis(50), 1, Duration.ofMillis(50), Duration.ofMillis(300));
    private final SystemGuards guards = new SystemGuards(system -> system.equals("paced")
            ? new ResilienceSettings(50f, 4, 4, Duration.ofMillis(300), 1, 2, Duration.ofMillis(50), 1, Duration.ofMillis(50),
                    Duration.ofMillis(300))
            : settings);
    private final AtomicInteger calls = new AtomicInteger();

    @AfterEach
    void close() {
        guards.close();
    }

    @Test
    void failuresOpenTheBreakerWhichRefusesCallsWithoutMakingThemThenProbesAndCloses() throws InterruptedException {
        SystemGuard guard = guards.guard("support");
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> guard.call("apply", true, this::down)).isInstanceOf(UncheckedIOException.class);
        }
        assertThat(guard.state()).isEqualTo(CircuitBreaker.State.OPEN);

        assertThatThrownBy(() -> guard.call("apply", true, this::counted))
                .isInstanceOfSatisfying(SystemUnavailableException.class, e -> {
                    assertThat(e.reason()).isEqualTo(SystemUnavailableException.Reason.CIRCUIT_OPEN);
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofMillis(300));
                });
        assertThat(calls).as("calls made while open").hasValue(0);

        Thread.sleep(450);
        assertThat(guard.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        assertThat(guard.call("apply", true, this::counted)).isEqualTo(1);
        assertThat(guard.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void configurationDataAndUnexplainedErrorsDoNotOpenTheBreakerButALostConnectionDoes() {
        SystemGuard guard = guards.guard("crm");
        List<RuntimeException> notOutages = List.of(
                new JdbcAccessException("writing 1 row", new SQLException("value too long for type character varying(20)", "22001")),
                new JdbcAccessException("writing 1 row", new SQLException("duplicate key value violates unique constraint", "23505")),
                new HttpRejectedException("answered 422", 422),
                new MappingConfigurationException("no column 'emial'"),
                new JdbcAccessException("reading", new SQLException("relation \"crm\" does not exist", "42P01")),
                new IllegalArgumentException("key C-17 is not a number"),
                new NullPointerException("a bug"));
        for (int round = 0; round < 2; round++) {
            for (RuntimeException failure : notOutages) {
                assertThatThrownBy(() -> guard.call("apply", true, () -> {
                    throw failure;
                })).isSameAs(failure);
            }
        }
        assertThat(guard.state()).isEqualTo(CircuitBreaker.State.CLOSED);

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> guard.call("apply", true, () -> {
                throw new JdbcAccessException("writing 1 row", new SQLException("Connection refused", "08001"));
            })).isInstanceOf(JdbcAccessException.class);
        }
        assertThat(guard.state()).as("a lost connection is an outage").isEqualTo(CircuitBreaker.State.OPEN);
    }

    @Test
    void aCallOverItsTimeLimitIsAbandonedAndCountsAsAFailure() {
        SystemGuard guard = guards.guard("slow");
        assertThatThrownBy(() -> guard.call("readChanges", true, () -> {
            sleep(2000);
            return 1;
        })).isInstanceOf(ConnectorTimeoutException.class).hasMessageContaining("readChanges took longer than 300 ms");
        assertThat(guards.circuitBreakers().circuitBreaker("slow").getMetrics().getNumberOfFailedCalls()).isEqualTo(1);
    }

    @Test
    void aFullBulkheadAndAnExhaustedRateLimitMakeTheSystemUnavailable() throws InterruptedException {
        SystemGuard guard = guards.guard("busy");
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // the holder stays inside until released (not for a fixed time, which a loaded machine may outlast)
        Thread holder = new Thread(() -> guard.call("apply", true, () -> {
            inside.countDown();
            try {
                release.await(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 0;
        }));
        holder.start();
        inside.await();
        try {
            assertThatThrownBy(() -> guard.call("apply", true, this::counted))
                    .isInstanceOfSatisfying(SystemUnavailableException.class,
                            e -> assertThat(e.reason()).isEqualTo(SystemUnavailableException.Reason.BULKHEAD_FULL));
        } finally {
            release.countDown();
        }
        holder.join();

        SystemGuard paced = guards.guard("paced");
        paced.acquirePermit();
        paced.acquirePermit();
        assertThatThrownBy(paced::acquirePermit).isInstanceOfSatisfying(SystemUnavailableException.class,
                e -> assertThat(e.reason()).isEqualTo(SystemUnavailableException.Reason.THROTTLED));
    }

    private int down() {
        throw new UncheckedIOException(new java.net.ConnectException("connection refused"));
    }

    private int counted() {
        return calls.incrementAndGet();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
