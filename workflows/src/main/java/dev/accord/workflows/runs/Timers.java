package dev.accord.workflows.runs;

import io.temporal.workflow.Promise;
import io.temporal.workflow.TimerOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Durable timers with a summary the Temporal UI shows on the timer ({@code waiting for source}). Each issues
 * exactly the commands of the SDK's {@code Workflow.sleep} and {@code Workflow.await(Duration, …)} it replaces
 * (one timer, not cancelled when the condition comes first), so recorded histories replay unchanged.
 */
public final class Timers {

    private Timers() {}

    public static void sleep(Duration duration, String summary) {
        Workflow.newTimer(duration, options(summary)).get();
    }

    /** Waits until {@code condition} holds or {@code timeout} passes; true when the condition came first. */
    public static boolean await(Duration timeout, String summary, Supplier<Boolean> condition) {
        Promise<Void> timer = Workflow.newTimer(timeout, options(summary));
        Workflow.await(() -> timer.isCompleted() || condition.get());
        return !timer.isCompleted();
    }

    private static TimerOptions options(String summary) {
        return TimerOptions.newBuilder().setSummary(summary).build();
    }
}
