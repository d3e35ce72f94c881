package dev.accord.activities;

import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Heartbeats for an activity while it runs, every few seconds from one shared daemon thread, so Temporal
 * notices a worker that died mid-activity after the stub's heartbeat timeout instead of its start-to-close
 * timeout (minutes), and retries the activity on a live worker at once. A slow step on a live worker keeps
 * heartbeating and is left to finish. Outside an activity (a test calling an implementation directly) the
 * work just runs.
 */
final class Heartbeats {

    static final long EVERY_SECONDS = 5;

    private static final ScheduledExecutorService TICKER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "accord-activity-heartbeats");
        thread.setDaemon(true);
        return thread;
    });

    private Heartbeats() {}

    static <T> T during(Supplier<T> work) {
        ActivityExecutionContext context;
        try {
            context = Activity.getExecutionContext();
        } catch (IllegalStateException notInAnActivity) {
            return work.get();
        }
        ScheduledFuture<?> ticks = TICKER.scheduleAtFixedRate(() -> beat(context), EVERY_SECONDS, EVERY_SECONDS, TimeUnit.SECONDS);
        try {
            return work.get();
        } finally {
            ticks.cancel(false);
        }
    }

    private static void beat(ActivityExecutionContext context) {
        try {
            context.heartbeat(null);
        } catch (RuntimeException cancelledOrTimedOut) {
            // the activity's own thread learns of it when it reports its result
        }
    }
}
