package dev.accord.workflows.freshness;

import dev.accord.core.quality.FreshnessReport;
import dev.accord.workflows.activities.CatchUpRequest;
import dev.accord.workflows.activities.CatchUpResult;
import dev.accord.workflows.activities.FreshnessActivities;
import dev.accord.workflows.activities.FreshnessRequest;
import dev.accord.workflows.activities.NonRetryable;
import dev.accord.workflows.runs.RunAttributes;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInfo;
import java.time.Duration;

/**
 * Measure, then catch up if breached. A check that keeps failing gives up after a few attempts: the next
 * scheduled check tries again, and a failing check is itself a signal (it shows in the workflow metrics).
 */
public class FreshnessWorkflowImpl implements FreshnessWorkflow {

    private final FreshnessActivities activities = Workflow.newActivityStub(FreshnessActivities.class, ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofMinutes(1))
            .setRetryOptions(RetryOptions.newBuilder()
                    .setInitialInterval(Duration.ofSeconds(1))
                    .setBackoffCoefficient(2.0)
                    .setMaximumAttempts(5)
                    .setDoNotRetry(NonRetryable.types())
                    .build())
            .build());

    @Override
    public FreshnessResult run(FreshnessInput input) {
        RunAttributes attributes = RunAttributes.ofCurrentRun();
        WorkflowInfo info = Workflow.getInfo();
        FreshnessReport report = activities.measure(new FreshnessRequest(input.flow(), info.getWorkflowId(), info.getRunId()));
        attributes.state(report.breached() ? "breached" : "fresh");
        if (!report.breached()) {
            return new FreshnessResult(report, null);
        }
        CatchUpResult catchUp = activities.catchUp(new CatchUpRequest(input.flow(), report.checkId()));
        return new FreshnessResult(report, catchUp);
    }
}
