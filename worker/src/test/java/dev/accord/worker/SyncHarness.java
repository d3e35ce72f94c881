package dev.accord.worker;

import dev.accord.activities.AccordActivities;
import dev.accord.activities.AttemptFencing;
import dev.accord.core.contract.Contract;
import dev.accord.core.contract.ContractLoader;
import dev.accord.engine.Engine;
import dev.accord.engine.WorkerIdentity;
import dev.accord.store.AccordStore;
import dev.accord.workflows.AccordDataConverter;
import dev.accord.workflows.TaskQueues;
import dev.accord.workflows.codec.PayloadKey;
import dev.accord.workflows.codec.PayloadKeyring;
import dev.accord.workflows.codec.PayloadProtection;
import dev.accord.workflows.codec.PiiNames;
import dev.accord.workflows.quarantine.QuarantineReplayWorkflowImpl;
import dev.accord.workflows.rollback.RollbackInput;
import dev.accord.workflows.rollback.RollbackSummary;
import dev.accord.workflows.rollback.RollbackWorkflow;
import dev.accord.workflows.rollback.RollbackWorkflowImpl;
import dev.accord.workflows.runs.AccordSearchAttributes;
import dev.accord.workflows.sync.SyncInput;
import dev.accord.workflows.sync.SyncResult;
import dev.accord.workflows.sync.SyncWorkflow;
import dev.accord.workflows.sync.SyncWorkflowImpl;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactoryOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Real {@code SyncWorkflow} runs (and quarantine replays and rollbacks) on the Temporal test environment (time
 * skipping), with every Accord activity working on real connectors and a real store, as the worker registers them.
 */
final class SyncHarness implements AutoCloseable {

    /** The payload keys of every harness: PII values in its histories are encrypted, as on a real worker. */
    static final PayloadKeyring KEYS = PayloadKeyring.of(PayloadKey.of(new byte[32]));

    final Contract contract;
    final TestConnectors connectors;
    final Engine engine;
    final TestWorkflowEnvironment environment;
    final WorkflowClient client;

    SyncHarness(Contract contract, Map<String, String> systemEnvironment, AccordStore store) {
        this.contract = contract;
        this.connectors = new TestConnectors(contract, systemEnvironment);
        this.engine = Engine.of(contract, store, connectors, new WorkerIdentity("test", "it"));
        this.environment = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
                .setWorkerFactoryOptions(WorkerFactoryOptions.newBuilder().setWorkerInterceptors(new AttemptFencing(store, "test")).build())
                .setWorkflowClientOptions(WorkflowClientOptions.newBuilder().setDataConverter(AccordDataConverter.create(PayloadProtection.field(PiiNames.from(contract), KEYS))).build())
                .build());
        AccordSearchAttributes.definitions().forEach(environment::registerSearchAttribute);
        Worker worker = environment.newWorker(TaskQueues.ACCORD);
        worker.registerWorkflowImplementationTypes(SyncWorkflowImpl.class, QuarantineReplayWorkflowImpl.class, RollbackWorkflowImpl.class);
        worker.registerActivitiesImplementations(AccordActivities.all(engine).toArray());
        environment.start();
        this.client = environment.getWorkflowClient();
    }

    /** The examples folder of the repository (the worker module's sibling). */
    static Path examples() {
        Path folder = Path.of(System.getProperty("user.dir")).resolve("../examples").normalize();
        return Files.isDirectory(folder) ? folder : Path.of("examples").toAbsolutePath();
    }

    /** Loads an example contract after {@code edit} has changed its text. */
    static Contract contract(String example, java.util.function.UnaryOperator<String> edit) {
        Path file = examples().resolve(example);
        try {
            return new ContractLoader().load(edit.apply(Files.readString(file)), "it.yaml", file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    SyncWorkflow stub(String flow) {
        return client.newWorkflowStub(SyncWorkflow.class, WorkflowOptions.newBuilder()
                .setTaskQueue(TaskQueues.ACCORD)
                .setWorkflowId(TaskQueues.syncWorkflowId(flow))
                .build());
    }

    SyncResult runOneShot(String flow) {
        return stub(flow).run(SyncInput.of(flow).withMode("one-shot"));
    }

    /** Runs a {@code RollbackWorkflow} as {@code accord rollback} starts it, and waits for its summary. */
    RollbackSummary rollback(String workflowId, RollbackInput input) {
        return client.newWorkflowStub(RollbackWorkflow.class, WorkflowOptions.newBuilder()
                .setTaskQueue(TaskQueues.ACCORD)
                .setWorkflowId(workflowId)
                .build()).run(input);
    }

    /** Polls the run's {@code progress} query (in real time) until it reports {@code state}. */
    void awaitState(SyncWorkflow run, String state) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String seen = null;
        while (System.nanoTime() < deadline) {
            try {
                seen = run.progress().state();
            } catch (WorkflowException notYetStarted) {
                seen = notYetStarted.toString();
            }
            if (state.equals(seen)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the run never reached state " + state + "; last seen: " + seen);
    }

    @Override
    public void close() {
        environment.close();
        connectors.close();
    }
}
