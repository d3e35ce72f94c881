package dev.accord.worker;

import dev.accord.workflows.TaskQueues;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The worker's settings ({@code accord.*} in application.yaml), with defaults for the embedded mode.
 *
 * @param contract the sync contract this worker runs
 * @param deploymentId where this worker runs, recorded with every run
 * @param taskQueue the task queue of this contract's workflows and activities (default {@code accord}); each contract
 *     sharing a Temporal namespace has its own, and ids of workflows on any other than the default start with it
 *     ({@link TaskQueues#workflowId})
 * @param store where in its database the Accord store lives
 */
@ConfigurationProperties("accord")
public record AccordProperties(Path contract, String deploymentId, Temporal temporal, String taskQueue, Store store) {

    public AccordProperties {
        taskQueue = TaskQueues.checked(taskQueue);
        store = store == null ? new Store(null) : store;
    }

    /**
     * @param schema the PostgreSQL schema of this contract's store, created and migrated at start-up; blank: the
     *     connection's default schema. Several contracts share one database with a schema each.
     */
    public record Store(String schema) {}

    /**
     * Whether to start the in-process server. The connection itself is made by Temporal's starter
     * ({@code spring.temporal.connection}, its target set from these: {@link TemporalConnectionProperties}).
     *
     * @param address host:port of a Temporal frontend; blank starts the in-process test server
     * @param embeddedPort where the in-process server listens when {@code address} is blank
     */
    public record Temporal(String address, int embeddedPort) {

        public boolean embedded() {
            return address == null || address.isBlank();
        }

        public String target() {
            return embedded() ? "127.0.0.1:" + embeddedPort : address;
        }
    }
}
