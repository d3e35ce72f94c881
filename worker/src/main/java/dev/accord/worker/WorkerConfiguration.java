package dev.accord.worker;

import dev.accord.activities.AccordActivities;
import dev.accord.activities.hub.SyncContext;
import dev.accord.workflows.TaskQueues;
import dev.accord.workflows.backfill.BackfillChunkWorkflowImpl;
import dev.accord.workflows.backfill.BackfillWorkflowImpl;
import dev.accord.workflows.freshness.FreshnessWorkflowImpl;
import dev.accord.workflows.review.ReviewWorkflowImpl;
import dev.accord.workflows.rollback.RollbackWorkflowImpl;
import dev.accord.workflows.sync.SyncWorkflowImpl;
import io.grpc.StatusRuntimeException;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerOptions;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers every Accord workflow and activity on the {@code accord} task queue and polls while the app runs. */
@Configuration(proxyBeanMethods = false)
class WorkerConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerConfiguration.class);

    @Bean
    WorkerFactory workerFactory(WorkflowClient client, TemporalEndpoint endpoint, SyncContext context, WorkerFactoryOptions factoryOptions) {
        WorkerFactory factory = WorkerFactory.newInstance(client, factoryOptions);
        Worker worker = factory.newWorker(TaskQueues.ACCORD, endpoint.isEmbedded() ? WorkerOptions.getDefaultInstance() : workerOptions(client));
        worker.registerWorkflowImplementationTypes(SyncWorkflowImpl.class, BackfillWorkflowImpl.class,
                BackfillChunkWorkflowImpl.class, RollbackWorkflowImpl.class, ReviewWorkflowImpl.class,
                FreshnessWorkflowImpl.class);
        worker.registerActivitiesImplementations(AccordActivities.all(context).toArray());
        return factory;
    }

    /**
     * The Temporal Java test server (the embedded one, or {@code accord temporal} outliving workers) has no
     * schedule-to-start timeout on sticky task queues: a workflow task queued for a worker that died waits
     * there forever, and its workflow hangs. Against it, workflow tasks stay on the shared task queue, where
     * a restarted worker picks them up (replaying the history). A real server reports its version and
     * moves such tasks to the shared queue itself, so there the default stays. So does the embedded server,
     * which lives and dies with this worker: there sticky queues spare every workflow task a full replay.
     */
    private static WorkerOptions workerOptions(WorkflowClient client) {
        try {
            String version = client.getWorkflowServiceStubs().blockingStub()
                    .getSystemInfo(GetSystemInfoRequest.getDefaultInstance()).getServerVersion();
            if (version.isEmpty()) {
                LOG.info("Temporal test server: workflow tasks use the shared task queue only (no sticky queues)");
                return WorkerOptions.newBuilder().setStickyQueueScheduleToStartTimeout(Duration.ZERO).build();
            }
        } catch (StatusRuntimeException e) {
            LOG.warn("cannot ask Temporal at {} what it is ({}); using sticky task queues",
                    client.getWorkflowServiceStubs().getOptions().getTarget(), e.getStatus());
        }
        return WorkerOptions.getDefaultInstance();
    }

    @Bean
    SmartLifecycle workerLifecycle(WorkerFactory factory) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                factory.start();
                running = true;
            }

            @Override
            public void stop() {
                factory.shutdown();
                factory.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }
}
