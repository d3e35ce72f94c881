package dev.accord.worker;

import dev.accord.activities.AccordActivities;
import dev.accord.activities.AttemptFencing;
import dev.accord.engine.Engine;
import io.grpc.StatusRuntimeException;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.spring.boot.WorkerOptionsCustomizer;
import io.temporal.spring.boot.autoconfigure.template.WorkersTemplate;
import io.temporal.worker.Worker;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Accord's part of the worker the Temporal starter makes from {@code spring.temporal.workers} (the contract's task queue,
 * {@code accord.task-queue}, with every Accord workflow): the activities, attempt fencing, and the test server's quirk.
 */
@Configuration(proxyBeanMethods = false)
class WorkerConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerConfiguration.class);

    /**
     * Accord's activities on the contract's worker, which the starter makes from {@code spring.temporal.workers}
     * (task queue, workflow classes, tuning) and starts once the application is ready.
     */
    @Bean
    ActivityRegistration accordActivities(WorkersTemplate workers, Engine engine, LimitsProperties limits, AccordProperties properties) {
        Worker worker = workers.getWorkers().stream().filter(w -> w.getTaskQueue().equals(properties.taskQueue())).findFirst().orElse(null);
        if (worker == null) {
            throw new IllegalStateException("no Temporal worker for task queue " + properties.taskQueue()
                    + ": spring.temporal.workers[0].task-queue must be ${accord.task-queue} (see application.yml)");
        }
        worker.registerActivitiesImplementations(AccordActivities.all(engine, limits.limits()).toArray());
        return new ActivityRegistration(worker.getTaskQueue());
    }

    /** That the activities are registered, on which task queue. */
    record ActivityRegistration(String taskQueue) {}

    /** Every activity attempt is fenced: a stalled attempt that wakes after its replacement took over commits nothing. */
    @Bean
    AttemptFencing attemptFencing(Engine engine) {
        return new AttemptFencing(engine.store(), AttemptFencing.holder(engine.worker().deploymentId()));
    }

    /** Against the Java test server, the option below; elsewhere what {@code spring.temporal.workers} says. */
    @Bean
    WorkerOptionsCustomizer testServerWorkers(WorkflowServiceStubs service, TemporalEndpoint endpoint) {
        return (builder, workerName, taskQueue) -> endpoint.isEmbedded() || !isTestServer(service) ? builder
                : builder.setStickyQueueScheduleToStartTimeout(Duration.ZERO);
    }

    /**
     * Whether the server is the Temporal Java test server ({@code accord temporal}, outliving workers), which has no
     * schedule-to-start timeout on sticky task queues: a workflow task queued for a worker that died waits
     * there forever, and its workflow hangs. Against it, workflow tasks stay on the shared task queue, where
     * a restarted worker picks them up (replaying the history). A real server reports its version and
     * moves such tasks to the shared queue itself, so there the default stays. So does the embedded server,
     * which lives and dies with this worker: there sticky queues spare every workflow task a full replay.
     */
    private static boolean isTestServer(WorkflowServiceStubs service) {
        try {
            String version = service.blockingStub()
                    .getSystemInfo(GetSystemInfoRequest.getDefaultInstance()).getServerVersion();
            if (version.isEmpty()) {
                LOG.info("Temporal test server: workflow tasks use the shared task queue only (no sticky queues)");
                return true;
            }
        } catch (StatusRuntimeException e) {
            LOG.warn("cannot ask Temporal at {} what it is ({}); using sticky task queues",
                    service.getOptions().getTarget(), e.getStatus());
        }
        return false;
    }
}
