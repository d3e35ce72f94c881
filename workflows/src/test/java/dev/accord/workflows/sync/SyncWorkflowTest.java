package dev.accord.workflows.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.workflows.TaskQueues;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.BatchRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sync loop's control flow on the Temporal test environment (time skipping), over an in-memory flow. */
class SyncWorkflowTest {

    private TestWorkflowEnvironment environment;
    private WorkflowClient client;
    private final FakeFlow flow = new FakeFlow();

    @BeforeEach
    void start() {
        environment = TestWorkflowEnvironment.newInstance();
        Worker worker = environment.newWorker(TaskQueues.ACCORD);
        worker.registerWorkflowImplementationTypes(SyncWorkflowImpl.class);
        worker.registerActivitiesImplementations(flow);
        environment.start();
        client = environment.getWorkflowClient();
    }

    @AfterEach
    void stop() {
        environment.close();
    }

    @Test
    void oneShotSyncDeliversEveryPageToEveryTargetAndCheckpoints() {
        flow.addRecords(25);

        SyncResult result = stub("one-shot").run(SyncInput.of("crm-customers"));

        assertThat(result.state()).isEqualTo("finished");
        assertThat(result.pages()).isEqualTo(3);
        assertThat(result.counts()).containsEntry("applied", 25L).containsEntry("billing:written", 25L).containsEntry("support:written", 25L);
        assertThat(flow.delivered).hasSize(50);
        assertThat(flow.checkpoints).extracting(c -> c.position()).containsExactly("10", "20", "25");
        assertThat(flow.finishedStates).containsExactly("finished");
    }

    @Test
    void aSecondRunContinuesFromTheCheckpoint() {
        flow.addRecords(12);
        stub("first").run(SyncInput.of("crm-customers"));
        flow.addRecords(3);

        SyncResult second = stub("second").run(SyncInput.of("crm-customers"));

        assertThat(second.counts()).containsEntry("applied", 3L);
        assertThat(flow.delivered).hasSize(30);
    }

    @Test
    void aReplayReadsFromTheBeginningInsteadOfTheCheckpoint() {
        flow.addRecords(12);
        stub("first").run(SyncInput.of("crm-customers"));

        SyncResult replay = stub("replay").run(SyncInput.of("crm-customers").withReplayFrom("beginning"));

        assertThat(replay.pages()).isEqualTo(2);
        assertThat(flow.extractCalls.get()).isEqualTo(2 + 1 + 2 + 1);
    }

    @Test
    void pauseHoldsTheRunBetweenPagesUntilResume() {
        flow.addRecords(25);
        SyncWorkflow workflow = stub("paused");
        BatchRequest start = client.newSignalWithStartRequest();
        start.add(workflow::run, SyncInput.of("crm-customers"));
        start.add(workflow::pause);
        client.signalWithStart(start);

        environment.sleep(Duration.ofMinutes(5));
        SyncProgress paused = workflow.progress();
        workflow.resume();
        SyncResult result = WorkflowStub.fromTyped(workflow).getResult(SyncResult.class);

        assertThat(paused.state()).isEqualTo("paused");
        assertThat(paused.pages()).isZero();
        assertThat(result.pages()).isEqualTo(3);
        assertThat(result.state()).isEqualTo("finished");
    }

    @Test
    void cancelStopsBetweenPagesAndKeepsTheCheckpoint() {
        flow.addRecords(25);
        SyncWorkflow workflow = stub("cancelled");
        BatchRequest start = client.newSignalWithStartRequest();
        start.add(workflow::run, SyncInput.of("crm-customers"));
        start.add(workflow::cancel);
        client.signalWithStart(start);

        SyncResult result = WorkflowStub.fromTyped(workflow).getResult(SyncResult.class);

        assertThat(result.state()).isEqualTo("cancelled");
        assertThat(flow.finishedStates).containsExactly("cancelled");
    }

    @Test
    void rollbackSignalStopsTheRunAndRevertsIt() {
        flow.continuous = true;
        flow.addRecords(5);
        SyncWorkflow workflow = stub("rolled-back");
        WorkflowClient.start(workflow::run, SyncInput.of("crm-customers"));
        environment.sleep(Duration.ofSeconds(30));

        workflow.rollback();
        SyncResult result = WorkflowStub.fromTyped(workflow).getResult(SyncResult.class);

        assertThat(result.state()).isEqualTo("rolled-back");
        assertThat(flow.rolledBack).containsExactly(result.runId());
        assertThat(result.counts()).containsEntry("rollback:reverted", 10L);
    }

    @Test
    void continuousSyncWaitsOnATimerAndPicksUpNewChanges() {
        flow.continuous = true;
        flow.addRecords(5);
        SyncWorkflow workflow = stub("continuous");
        WorkflowClient.start(workflow::run, SyncInput.of("crm-customers"));
        environment.sleep(Duration.ofSeconds(30));
        SyncProgress waiting = workflow.progress();

        flow.addRecords(7);
        environment.sleep(Duration.ofMinutes(2));
        SyncProgress caughtUp = workflow.progress();
        workflow.cancel();
        SyncResult result = WorkflowStub.fromTyped(workflow).getResult(SyncResult.class);

        assertThat(waiting.state()).isEqualTo("waiting");
        assertThat(caughtUp.counts()).containsEntry("applied", 12L);
        assertThat(result.state()).isEqualTo("cancelled");
    }

    @Test
    void killSwitchHoldsDeliveriesOnADurableTimerInsteadOfFailing() {
        flow.addRecords(4);
        flow.heldApplies.set(3);

        SyncResult result = stub("held").run(SyncInput.of("crm-customers"));

        assertThat(result.state()).isEqualTo("finished");
        assertThat(flow.delivered).hasSize(8);
    }

    @Test
    void continueAsNewCarriesTheRunsTotals() {
        flow.addRecords(SyncWorkflowImpl.PAGES_PER_EXECUTION + 5);
        SyncWorkflow workflow = stub("long");
        WorkflowClient.start(workflow::run, SyncInput.of("crm-customers").withBatchSize(1));
        String firstExecution = WorkflowStub.fromTyped(workflow).getExecution().getRunId();

        SyncResult result = WorkflowStub.fromTyped(workflow).getResult(SyncResult.class);

        assertThat(result.pages()).isEqualTo(SyncWorkflowImpl.PAGES_PER_EXECUTION + 5);
        assertThat(result.counts()).containsEntry("applied", (long) SyncWorkflowImpl.PAGES_PER_EXECUTION + 5);
        assertThat(result.runId()).isEqualTo(firstExecution);
        WorkflowExecutionHistory history = client.fetchHistory(TaskQueues.syncWorkflowId("long"), firstExecution);
        List<HistoryEvent> events = history.getEvents();
        assertThat(events.get(events.size() - 1).getEventType()).isEqualTo(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW);
    }

    @Test
    void eachPageIsOneActivityAndAHeldDeliveryIsRetriedOnATimer() throws Exception {
        flow.addRecords(15);
        flow.heldApplies.set(1);

        SyncResult result = stub("whole-pages").run(SyncInput.of("crm-customers"));

        assertThat(result.state()).isEqualTo("finished");
        assertThat(result.counts()).containsEntry("applied", 15L).containsEntry("billing:written", 15L).containsEntry("support:written", 15L);
        assertThat(flow.pageRuns.get()).isEqualTo(2);
        assertThat(flow.delivered).hasSize(30);
        WorkflowExecutionHistory history = client.fetchHistory(TaskQueues.syncWorkflowId("whole-pages"));
        List<String> activities = history.getEvents().stream().filter(HistoryEvent::hasActivityTaskScheduledEventAttributes)
                .map(e -> e.getActivityTaskScheduledEventAttributes().getActivityType().getName()).toList();
        assertThat(activities).contains("ProcessPage", "Apply").doesNotContain("Validate", "Resolve");
        if (System.getProperty("accord.recordHistory") != null) {
            java.nio.file.Files.writeString(java.nio.file.Path.of(System.getProperty("accord.recordHistory")), history.toJson(true));
        }
    }

    @Test
    void aConfigurationErrorFailsTheRunAtOnceAndRecordsIt() {
        flow.addRecords(5);
        flow.brokenConfiguration = "system 'crm' has no JDBC URL: set CRM_JDBC_URL";

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> stub("broken").run(SyncInput.of("crm-customers")))
                .isInstanceOf(io.temporal.client.WorkflowFailedException.class)
                .rootCause().hasMessageContaining("set CRM_JDBC_URL");
        assertThat(flow.extractCalls.get()).isEqualTo(1);
        assertThat(flow.finishedStates).containsExactly("failed");
    }

    @Test
    void aCanaryIsDeliveredAndVerifiedFirstThenTheRestFollows() {
        flow.addRecords(25);

        SyncResult result = stub("canary").run(SyncInput.of("crm-customers").withCanary(new CanaryOptions(null, java.util.List.of("C000003", "C000004"))));

        assertThat(flow.verified).containsExactly(java.util.List.of("C000003", "C000004"));
        assertThat(flow.delivered.subList(0, 4)).containsExactly("billing:C000003", "billing:C000004", "support:C000003", "support:C000004");
        assertThat(result.state()).isEqualTo("finished");
        assertThat(result.counts()).containsEntry("canary:checked", 4L);
    }

    @Test
    void aFailedCanaryStopsTheRunAndRevertsIt() {
        flow.addRecords(25);
        flow.brokenInTargets.add("C000004");

        SyncResult result = stub("bad-canary").run(SyncInput.of("crm-customers").withCanary(new CanaryOptions(null, java.util.List.of("C000003", "C000004"))));

        assertThat(result.state()).isEqualTo("canary-failed");
        assertThat(flow.delivered).hasSize(4);
        assertThat(flow.rolledBack).containsExactly(result.runId());
        assertThat(flow.checkpoints).isEmpty();
        assertThat(result.counts()).containsEntry("canary:mismatches", 1L);
    }

    @Test
    void dryRunWritesNoCheckpoint() {
        flow.addRecords(5);

        SyncResult result = stub("dry").run(SyncInput.of("crm-customers").withDryRun(true));

        assertThat(result.pages()).isEqualTo(1);
        assertThat(flow.checkpoints).isEmpty();
    }

    private SyncWorkflow stub(String flowName) {
        return client.newWorkflowStub(SyncWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId(TaskQueues.syncWorkflowId(flowName))
                .setTaskQueue(TaskQueues.ACCORD)
                .build());
    }
}
