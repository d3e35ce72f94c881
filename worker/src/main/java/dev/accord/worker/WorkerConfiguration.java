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
import io.temporal.client.WorkflowClient;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers every Accord workflow and activity on the {@code accord} task queue and polls while the app runs. */
@Configuration(proxyBeanMethods = false)
class WorkerConfiguration {

    @Bean
    WorkerFactory workerFactory(WorkflowClient client, SyncContext context, WorkerFactoryOptions factoryOptions) {
        WorkerFactory factory = WorkerFactory.newInstance(client, factoryOptions);
        Worker worker = factory.newWorker(TaskQueues.ACCORD);
        worker.registerWorkflowImplementationTypes(SyncWorkflowImpl.class, BackfillWorkflowImpl.class,
                BackfillChunkWorkflowImpl.class, RollbackWorkflowImpl.class, ReviewWorkflowImpl.class,
                FreshnessWorkflowImpl.class);
        worker.registerActivitiesImplementations(AccordActivities.all(context).toArray());
        return factory;
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
