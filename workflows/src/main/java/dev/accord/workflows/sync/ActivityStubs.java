package dev.accord.workflows.sync;

import dev.accord.workflows.activities.ApplyActivities;
import dev.accord.workflows.activities.BackfillActivities;
import dev.accord.workflows.activities.ExtractActivities;
import dev.accord.workflows.activities.NonRetryable;
import dev.accord.workflows.activities.PageActivities;
import dev.accord.workflows.activities.QuarantineActivities;
import dev.accord.workflows.activities.ResolveActivities;
import dev.accord.workflows.activities.ReviewActivities;
import dev.accord.workflows.activities.RollbackActivities;
import dev.accord.workflows.activities.RunActivities;
import dev.accord.workflows.activities.ValidateActivities;
import dev.accord.workflows.activities.VerifyActivities;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * The activity stubs a sync uses, with explicit timeouts and retries. Failures that retrying cannot fix
 * (a broken contract, a missing connection setting, data that breaks an invariant of the code) are
 * thrown by the activities as non-retryable application failures of these types.
 */
public final class ActivityStubs {

    /**
     * Heartbeat timeout of the page steps: they heartbeat while they run, so a worker that dies under one
     * is noticed after this long, not after the start-to-close timeout, and the step is retried elsewhere.
     */
    static final Duration ALIVE = Duration.ofSeconds(30);

    public final ExtractActivities extract;
    public final ValidateActivities validate;
    public final ResolveActivities resolve;
    public final RunActivities runs;
    public final RollbackActivities rollback;
    public final BackfillActivities backfill;
    public final VerifyActivities verify;
    public final ReviewActivities review;
    /** Quarantine replays: a page of entries through boundary, hub and targets in one activity, like a backfill page. */
    public final QuarantineActivities quarantine;
    private final ActivityOptions applyOptions = options(Duration.ofMinutes(5), Duration.ofSeconds(30));
    private final ActivityOptions pageOptions = options(Duration.ofMinutes(10), ALIVE);

    public ActivityStubs() {
        extract = Workflow.newActivityStub(ExtractActivities.class, options(Duration.ofMinutes(2), ALIVE));
        validate = Workflow.newActivityStub(ValidateActivities.class, options(Duration.ofMinutes(2), ALIVE));
        resolve = Workflow.newActivityStub(ResolveActivities.class, options(Duration.ofMinutes(2), ALIVE));
        runs = Workflow.newActivityStub(RunActivities.class, options(Duration.ofSeconds(30), null));
        rollback = Workflow.newActivityStub(RollbackActivities.class, options(Duration.ofMinutes(30), Duration.ofSeconds(30)));
        backfill = Workflow.newActivityStub(BackfillActivities.class, options(Duration.ofMinutes(5), ALIVE));
        verify = Workflow.newActivityStub(VerifyActivities.class, options(Duration.ofMinutes(2), ALIVE));
        review = Workflow.newActivityStub(ReviewActivities.class, options(Duration.ofMinutes(1), null));
        quarantine = Workflow.newActivityStub(QuarantineActivities.class, options(Duration.ofMinutes(10), ALIVE));
    }

    /**
     * The apply step with a summary the Temporal UI shows on the activity ({@code Apply → billing}); the same
     * options otherwise, so the commands match those of histories recorded before summaries.
     */
    public ApplyActivities applyTo(String system, boolean dryRun) {
        return Workflow.newActivityStub(ApplyActivities.class, applyOptions.toBuilder()
                .setSummary("Apply → " + system + (dryRun ? " (dry run)" : "")).build());
    }

    /** A sync's whole-page step with a summary ({@code page 17}). */
    public PageActivities page(String summary) {
        return Workflow.newActivityStub(PageActivities.class, pageOptions.toBuilder().setSummary(summary).build());
    }

    /** The backfill's whole-page step with a summary ({@code page 17 of chunk 3}). */
    public BackfillActivities backfillPage(String summary) {
        return Workflow.newActivityStub(BackfillActivities.class, pageOptions.toBuilder().setSummary(summary).build());
    }

    private static ActivityOptions options(Duration startToClose, Duration heartbeat) {
        ActivityOptions.Builder builder = ActivityOptions.newBuilder()
                .setStartToCloseTimeout(startToClose)
                .setRetryOptions(RetryOptions.newBuilder()
                        .setInitialInterval(Duration.ofSeconds(1))
                        .setBackoffCoefficient(2.0)
                        .setMaximumInterval(Duration.ofMinutes(1))
                        .setDoNotRetry(NonRetryable.types())
                        .build());
        if (heartbeat != null) {
            builder.setHeartbeatTimeout(heartbeat);
        }
        return builder.build();
    }
}
