package dev.accord.workflows.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.workflows.TaskQueues;
import dev.accord.workflows.activities.ChunkProgress;
import dev.accord.workflows.activities.KeyRange;
import dev.accord.workflows.rollback.RollbackInput;
import dev.accord.workflows.rollback.RollbackSummary;
import dev.accord.workflows.rollback.RollbackWorkflow;
import dev.accord.workflows.rollback.RollbackWorkflowImpl;
import dev.accord.workflows.sync.FakeFlow;
import io.temporal.client.BatchRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Backfills and rollbacks on the Temporal test environment over an in-memory flow. */
class BackfillWorkflowTest {

    private TestWorkflowEnvironment environment;
    private WorkflowClient client;
    private final FakeFlow flow = new FakeFlow();

    @BeforeEach
    void start() {
        environment = TestWorkflowEnvironment.newInstance();
        Worker worker = environment.newWorker(TaskQueues.ACCORD);
        worker.registerWorkflowImplementationTypes(BackfillWorkflowImpl.class, BackfillChunkWorkflowImpl.class, RollbackWorkflowImpl.class);
        worker.registerActivitiesImplementations(flow);
        environment.start();
        client = environment.getWorkflowClient();
        flow.addRecords(95);
    }

    @AfterEach
    void stop() {
        environment.close();
    }

    @Test
    void reloadsEveryChunkWithBoundedParallelismAndDeliversEveryKey() {
        BackfillResult result = stub("all").run(input(20, 2));

        assertThat(result.state()).isEqualTo("finished");
        assertThat(result.chunks()).isEqualTo(5);
        assertThat(result.records()).isEqualTo(95);
        assertThat(flow.delivered).hasSize(190).doesNotHaveDuplicates();
        assertThat(flow.chunkProgress.values()).hasSize(5).allMatch(ChunkProgress::done);
        assertThat(flow.finishedStates).containsExactly("finished");
    }

    @Test
    void eachPageIsOneActivityAndNoRecordTravelsThroughTheHistory() {
        BackfillResult result = stub("lean").run(input(20, 2));

        io.temporal.common.WorkflowExecutionHistory history = client.fetchHistory("backfill/crm-customers/lean/chunk-1");
        assertThat(result.records()).isEqualTo(95);
        assertThat(activityTypes(history)).containsOnly("ChunkProgress", "RunPage", "SaveChunkProgress")
                .filteredOn("RunPage"::equals).hasSize(3);
        assertThat(history.toJson(false)).doesNotContain("@example.com").doesNotContain("C000005");
        assertThat(result.counts()).containsEntry("applied", 95L).containsEntry("billing:written", 95L);
    }

    @Test
    void aDeliveryHeldByTheKillSwitchIsRetriedByTheChunkItselfBeforeItMovesOn() {
        flow.heldApplies.set(1);

        BackfillResult result = stub("held").run(input(20, 1));

        assertThat(result.state()).isEqualTo("finished");
        assertThat(flow.delivered).hasSize(190).doesNotHaveDuplicates();
        assertThat(flow.chunkProgress.values()).hasSize(5).allMatch(ChunkProgress::done);
        assertThat(result.counts()).containsEntry("billing:written", 95L).containsEntry("support:written", 95L);
    }

    /** The activity types a history scheduled, in order. */
    private static java.util.List<String> activityTypes(io.temporal.common.WorkflowExecutionHistory history) {
        return history.getEvents().stream().filter(e -> e.hasActivityTaskScheduledEventAttributes())
                .map(e -> e.getActivityTaskScheduledEventAttributes().getActivityType().getName()).toList();
    }

    @Test
    void aFinishedChunkIsNeverRedoneAndAHalfDoneOneContinuesAfterItsLastKey() {
        flow.chunkProgress.put(1, new ChunkProgress("any", 1, new KeyRange(null, "C000019"), "C000019", 2, 20, true));
        flow.chunkProgress.put(2, new ChunkProgress("any", 2, new KeyRange("C000019", "C000039"), "C000029", 1, 10, false));

        BackfillResult result = stub("resumed").run(input(20, 3));

        assertThat(result.state()).isEqualTo("finished");
        assertThat(flow.delivered).filteredOn(d -> d.startsWith("billing:")).hasSize(95 - 20 - 10)
                .noneMatch(d -> d.compareTo("billing:C000030") < 0);
    }

    @Test
    void pauseHoldsNewChunksUntilResume() {
        BackfillWorkflow workflow = stub("paused");
        BatchRequest start = client.newSignalWithStartRequest();
        start.add(workflow::run, input(20, 2));
        start.add(workflow::pause);
        client.signalWithStart(start);

        environment.sleep(Duration.ofMinutes(5));
        BackfillProgress paused = workflow.progress();
        workflow.resume();
        BackfillResult result = WorkflowStub.fromTyped(workflow).getResult(BackfillResult.class);

        assertThat(paused.state()).isEqualTo("paused");
        assertThat(paused.chunksRunning()).isZero();
        assertThat(paused.chunksDone()).isZero();
        assertThat(result.state()).isEqualTo("finished");
        assertThat(result.records()).isEqualTo(95);
    }

    @Test
    void rollbackStopsTheChunksAndRevertsTheWholeBackfill() {
        flow.extractDelayMillis = 200;
        BackfillWorkflow workflow = stub("rolled-back");
        WorkflowClient.start(workflow::run, input(5, 2));
        environment.sleep(Duration.ofSeconds(2));

        workflow.rollback();
        BackfillResult result = WorkflowStub.fromTyped(workflow).getResult(BackfillResult.class);

        assertThat(result.state()).isEqualTo("rolled-back");
        assertThat(flow.rolledBack).containsExactly(result.runId());
        assertThat(flow.delivered.size()).isLessThan(190);
    }

    @Test
    void progressShowsEveryChunkAndAnEstimate() {
        BackfillWorkflow workflow = stub("watched");
        BackfillResult result = workflow.run(input(20, 2));

        BackfillProgress progress = workflow.progress();

        assertThat(progress.chunksTotal()).isEqualTo(result.chunks());
        assertThat(progress.chunks()).extracting(ChunkState::state).containsOnly("done");
        assertThat(progress.etaSeconds()).isZero();
    }

    @Test
    void rollbackWorkflowRevertsEveryRunOfAScopeNewestFirst() {
        RollbackWorkflow rollback = client.newWorkflowStub(RollbackWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId("rollback/crm-customers/since").setTaskQueue(TaskQueues.ACCORD).build());

        RollbackSummary summary = rollback.run(new RollbackInput("crm-customers", null, "2024-06-01T00:00:00Z", null));

        assertThat(summary.runs()).containsExactly("run-b", "run-a");
        assertThat(flow.rolledBack).containsExactly("run-b", "run-a");
        assertThat(summary.state()).isEqualTo("rolled-back");
    }

    private static BackfillInput input(int rowsPerChunk, int parallelism) {
        return new BackfillInput("crm-customers", null, null, rowsPerChunk, parallelism, 10, null);
    }

    private BackfillWorkflow stub(String name) {
        return client.newWorkflowStub(BackfillWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId("backfill/crm-customers/" + name)
                .setTaskQueue(TaskQueues.ACCORD)
                .build());
    }
}
