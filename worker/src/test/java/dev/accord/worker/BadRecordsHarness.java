package dev.accord.worker;

import dev.accord.activities.Limits;
import dev.accord.connectors.resilience.SystemGuards;
import dev.accord.core.contract.Contract;
import dev.accord.core.contract.ContractLoader;
import dev.accord.workflows.TaskQueues;
import dev.accord.workflows.backfill.BackfillChunkWorkflowImpl;
import dev.accord.workflows.backfill.BackfillInput;
import dev.accord.workflows.backfill.BackfillResult;
import dev.accord.workflows.backfill.BackfillWorkflow;
import dev.accord.workflows.backfill.BackfillWorkflowImpl;
import dev.accord.workflows.runs.RunLabels;
import dev.accord.workflows.runs.WorkflowStarts;
import dev.accord.workflows.sync.SyncInput;
import dev.accord.workflows.sync.SyncResult;
import dev.accord.workflows.sync.SyncWorkflow;
import dev.accord.workflows.sync.SyncWorkflowImpl;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Runs the bad-records suite's flow as the worker does: real workflows on the Temporal test environment (time
 * skipping, so retries back off in no time), every activity over the real JDBC connectors behind their circuit
 * breakers, and a real Accord store (PostgreSQL when a side is PostgreSQL, else H2). The breakers open after two
 * failed calls of the last four, so a data error counted as an outage would show at once.
 */
final class BadRecordsHarness implements AutoCloseable {

    static final String FLOW = "src-items";
    /**
     * A run retrying forever is what the suite must rule out: with time skipping, a step that retries without end
     * reaches this (workflow time) in seconds of real time, and the run fails instead of hanging the build.
     */
    static final Duration STUCK = Duration.ofHours(6);

    final TestStore store;
    final SystemGuards guards;
    private final GuardedWorker worker;
    private final TestWorkflowEnvironment environment;

    BadRecordsHarness(BadRecordSystems systems, Path dir, String round, Limits limits) {
        Map<String, String> settings = systems.environment();
        Contract contract = new ContractLoader().load(systems.contract(dir, round));
        boolean onPostgres = systems.source.kind.equals("postgres") || systems.target.kind.equals("postgres");
        this.store = TestStore.on(onPostgres ? "postgres" : "h2", systems.id + "_store");
        this.worker = new GuardedWorker(contract, settings, store.store, Duration.ofSeconds(30), true, limits,
                SyncWorkflowImpl.class, BackfillWorkflowImpl.class, BackfillChunkWorkflowImpl.class).start();
        this.guards = worker.guards;
        this.environment = worker.environment;
    }

    SyncResult sync() {
        SyncWorkflow run = environment.getWorkflowClient().newWorkflowStub(SyncWorkflow.class, WorkflowOptions.newBuilder()
                .setTaskQueue(TaskQueues.ACCORD).setWorkflowId(TaskQueues.syncWorkflowId(FLOW))
                .setWorkflowExecutionTimeout(STUCK).build());
        return run.run(SyncInput.of(FLOW).withMode("one-shot"));
    }

    BackfillResult backfill() {
        BackfillWorkflow run = environment.getWorkflowClient().newWorkflowStub(BackfillWorkflow.class, WorkflowOptions.newBuilder()
                .setTaskQueue(TaskQueues.ACCORD).setWorkflowId("backfill/" + FLOW + "/suite").setWorkflowExecutionTimeout(STUCK).build());
        return run.run(BackfillInput.of(FLOW));
    }

    /** A backfill started as the CLI starts one (search attributes, memo, summary); its execution, once it has finished. */
    WorkflowExecution labelledBackfill(String id) {
        BackfillInput input = new BackfillInput(FLOW, null, null, null, null, 5, null);
        BackfillWorkflow run = environment.getWorkflowClient().newWorkflowStub(BackfillWorkflow.class,
                WorkflowStarts.builder(TaskQueues.ACCORD, id, RunLabels.backfill(input)).setWorkflowExecutionTimeout(STUCK).build());
        run.run(input);
        return WorkflowStub.fromTyped(run).getExecution();
    }

    WorkflowClient client() {
        return environment.getWorkflowClient();
    }

    /** The flow's quarantine entries: system, key, reason, path and message, oldest first. */
    List<Map<String, Object>> quarantine() {
        return store.rows("select system_name, record_key, reason_code, path, message from quarantine where flow = ? order by id", FLOW);
    }

    CircuitBreaker.State breaker(String system) {
        return guards.guard(system).state();
    }

    @Override
    public void close() {
        Resources.closeAll(worker, store);
    }
}
