package dev.accord.workflows.freshness;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One freshness check of one flow (workflow id {@code freshness/<flow>}): measure against the flow's SLA,
 * record it, and start a catch-up sync when it is breached. Run on a schedule: a Temporal Schedule on a
 * real server, a cron workflow on the test server, which has no schedules.
 */
@WorkflowInterface
public interface FreshnessWorkflow {

    @WorkflowMethod(name = "FreshnessWorkflow")
    FreshnessResult run(FreshnessInput input);
}
