package dev.accord.worker.observability;

import dev.accord.core.contract.Contract;
import dev.accord.core.contract.FlowSpec;
import dev.accord.workflows.TaskQueues;
import dev.accord.workflows.WorkflowIds;
import dev.accord.workflows.freshness.FreshnessInput;
import dev.accord.workflows.freshness.FreshnessWorkflow;
import dev.accord.workflows.runs.RunLabels;
import dev.accord.workflows.runs.WorkflowStarts;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.ScheduleOverlapPolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.schedules.Schedule;
import io.temporal.client.schedules.ScheduleActionStartWorkflow;
import io.temporal.client.schedules.ScheduleAlreadyRunningException;
import io.temporal.client.schedules.ScheduleClient;
import io.temporal.client.schedules.ScheduleClientOptions;
import io.temporal.client.schedules.ScheduleIntervalSpec;
import io.temporal.client.schedules.ScheduleOptions;
import io.temporal.client.schedules.SchedulePolicy;
import io.temporal.client.schedules.ScheduleSpec;
import io.temporal.client.schedules.ScheduleUpdate;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts every flow with a {@code freshness-sla} on a schedule: a Temporal Schedule {@code freshness/<flow>}
 * starting {@code FreshnessWorkflow} every interval (overlaps skipped), or, where the server has no schedules
 * (the Java test server: the embedded one and {@code accord temporal}), a cron workflow {@code freshness/<flow>};
 * both on the contract's task queue, their ids prefixed with it unless it is the default ({@link TaskQueues#workflowId}).
 * Idempotent: every worker that starts does it, the first creates, the others find it in place (a schedule's
 * interval is updated to this worker's).
 */
public final class FreshnessSchedules {

    private static final Logger LOG = LoggerFactory.getLogger(FreshnessSchedules.class);

    /** How a flow's checks are scheduled. */
    public enum Kind { SCHEDULE, CRON }

    private final Contract contract;
    private final WorkflowClient client;
    private final Duration interval;
    private final String taskQueue;

    public FreshnessSchedules(Contract contract, WorkflowClient client, Duration interval, String taskQueue) {
        this.contract = contract;
        this.client = client;
        this.interval = interval;
        this.taskQueue = taskQueue;
    }

    /** Schedules the checks of every flow with an SLA; returns how, or null when no flow has one. */
    public Kind install() {
        List<FlowSpec> flows = contract.flows().values().stream().filter(f -> f.freshnessSla() != null).toList();
        if (flows.isEmpty()) {
            return null;
        }
        ScheduleClient schedules = ScheduleClient.newInstance(client.getWorkflowServiceStubs(), ScheduleClientOptions.newBuilder()
                .setNamespace(client.getOptions().getNamespace())
                .setDataConverter(client.getOptions().getDataConverter())
                .build());
        try {
            flows.forEach(flow -> schedule(schedules, flow));
            LOG.info("freshness checks of {} scheduled every {} (Temporal Schedules)", names(flows), interval);
            return Kind.SCHEDULE;
        } catch (RuntimeException e) {
            if (!unimplemented(e)) {
                throw e;
            }
            flows.forEach(this::cron);
            LOG.info("freshness checks of {} run as cron workflows '{}' (this Temporal server has no Schedules)", names(flows), cron(interval));
            return Kind.CRON;
        }
    }

    private void schedule(ScheduleClient schedules, FlowSpec flow) {
        String id = id(flow);
        Schedule schedule = Schedule.newBuilder()
                .setAction(ScheduleActionStartWorkflow.newBuilder()
                        .setWorkflowType(FreshnessWorkflow.class)
                        .setArguments(new FreshnessInput(flow.name()))
                        .setOptions(WorkflowStarts.options(taskQueue, id, RunLabels.freshness(new FreshnessInput(flow.name()))))
                        .build())
                .setSpec(ScheduleSpec.newBuilder().setIntervals(List.of(new ScheduleIntervalSpec(interval))).build())
                .setPolicy(SchedulePolicy.newBuilder().setOverlap(ScheduleOverlapPolicy.SCHEDULE_OVERLAP_POLICY_SKIP).build())
                .build();
        try {
            schedules.createSchedule(id, schedule, ScheduleOptions.newBuilder().build());
        } catch (ScheduleAlreadyRunningException exists) {
            schedules.getHandle(id).update(current -> new ScheduleUpdate(schedule));
        }
    }

    private void cron(FlowSpec flow) {
        FreshnessWorkflow check = client.newWorkflowStub(FreshnessWorkflow.class,
                WorkflowStarts.builder(taskQueue, id(flow), RunLabels.freshness(new FreshnessInput(flow.name())))
                        .setCronSchedule(cron(interval))
                        .build());
        try {
            WorkflowClient.start(check::run, new FreshnessInput(flow.name()));
        } catch (WorkflowExecutionAlreadyStarted running) {
            LOG.debug("{} is already scheduled", id(flow));
        }
    }

    private String id(FlowSpec flow) {
        return TaskQueues.workflowId(taskQueue, WorkflowIds.freshness(flow.name()));
    }

    /** A cron spec for the interval, in whole minutes (at least one). */
    static String cron(Duration interval) {
        long minutes = Math.max(1, interval.toMinutes());
        if (minutes == 1) {
            return "* * * * *";
        }
        return minutes < 60 ? "*/" + minutes + " * * * *" : "0 */" + Math.max(1, minutes / 60) + " * * *";
    }

    private static boolean unimplemented(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof StatusRuntimeException status && status.getStatus().getCode() == Status.Code.UNIMPLEMENTED) {
                return true;
            }
        }
        return false;
    }

    private static List<String> names(List<FlowSpec> flows) {
        return flows.stream().map(FlowSpec::name).toList();
    }
}
