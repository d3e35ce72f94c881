package dev.accord.worker;

import dev.accord.activities.AccordActivities;
import dev.accord.activities.AttemptFencing;
import dev.accord.activities.Limits;
import dev.accord.connectors.file.FileConnectors;
import dev.accord.connectors.http.HttpConnectors;
import dev.accord.connectors.jdbc.JdbcConnectors;
import dev.accord.connectors.resilience.ResilienceSettings;
import dev.accord.connectors.resilience.SystemGuards;
import dev.accord.core.contract.Contract;
import dev.accord.engine.Engine;
import dev.accord.engine.WorkerIdentity;
import dev.accord.store.AccordStore;
import dev.accord.workflows.AccordDataConverter;
import dev.accord.workflows.TaskQueues;
import dev.accord.workflows.runs.AccordSearchAttributes;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactoryOptions;
import java.time.Duration;
import java.util.Map;

/**
 * A worker as the application builds one, for a test: the contract's JDBC, HTTP and file connectors behind circuit
 * breakers, rate limits and time limits ({@link SystemGuards}), every activity over a real store, and the given
 * workflows on a Temporal test environment (with or without time skipping). The breakers are quick to open: two
 * failed calls of the last four, then {@code openFor}, so a data error counted as an outage would show at once.
 */
final class GuardedWorker implements AutoCloseable {

    final SystemGuards guards;
    final TestWorkflowEnvironment environment;
    private final JdbcConnectors jdbc;

    GuardedWorker(Contract contract, Map<String, String> settings, AccordStore store, Duration openFor, boolean timeSkipping,
                  Limits limits, Class<?>... workflows) {
        this.jdbc = new JdbcConnectors(contract, settings::get);
        this.guards = new SystemGuards(system -> new ResilienceSettings(50f, 4, 2, openFor, 1, 0, Duration.ofSeconds(1),
                8, Duration.ofSeconds(5), Duration.ofSeconds(30)));
        ContractConnectors connectors = new ContractConnectors(contract, jdbc,
                new HttpConnectors(contract, settings::get, guards::throttle), new FileConnectors(contract, settings::get), guards);
        Engine engine = Engine.of(contract, store, connectors, new WorkerIdentity("test", "guarded"));
        this.environment = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder().setUseTimeskipping(timeSkipping)
                .setWorkerFactoryOptions(WorkerFactoryOptions.newBuilder().setWorkerInterceptors(new AttemptFencing(store, "test")).build())
                .setWorkflowClientOptions(WorkflowClientOptions.newBuilder().setDataConverter(AccordDataConverter.json()).build())
                .build());
        AccordSearchAttributes.definitions().forEach(environment::registerSearchAttribute);
        Worker worker = environment.newWorker(TaskQueues.ACCORD);
        worker.registerWorkflowImplementationTypes(workflows);
        worker.registerActivitiesImplementations(AccordActivities.all(engine, limits).toArray());
    }

    /** Starts polling; call after any listener on {@link #guards} is in place. */
    GuardedWorker start() {
        environment.start();
        return this;
    }

    WorkflowClient client() {
        return environment.getWorkflowClient();
    }

    @Override
    public void close() {
        Resources.closeAll(environment::close, guards, jdbc);
    }
}
