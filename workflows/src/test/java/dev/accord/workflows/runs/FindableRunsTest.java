package dev.accord.workflows.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.workflows.TaskQueues;
import dev.accord.workflows.backfill.BackfillChunkWorkflowImpl;
import dev.accord.workflows.backfill.BackfillInput;
import dev.accord.workflows.backfill.BackfillWorkflow;
import dev.accord.workflows.backfill.BackfillWorkflowImpl;
import dev.accord.workflows.review.ReviewWorkflowImpl;
import dev.accord.workflows.rollback.RollbackInput;
import dev.accord.workflows.rollback.RollbackWorkflow;
import dev.accord.workflows.rollback.RollbackWorkflowImpl;
import dev.accord.workflows.sync.FakeFlow;
import dev.accord.workflows.sync.SyncInput;
import dev.accord.workflows.sync.SyncWorkflow;
import dev.accord.workflows.sync.SyncWorkflowImpl;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.BatchRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.SearchAttributes;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs started through {@link WorkflowStarts} can be found: on a test server with Accord's search attributes
 * registered, each kind of run carries its kind, flow and dry-run flag, upserts its contract and state, keeps its
 * options in the memo, has a static summary, and names its activities and timers in the history's user metadata.
 */
class FindableRunsTest {

    private TestWorkflowEnvironment environment;
    private WorkflowClient client;
    private final FakeFlow flow = new FakeFlow();

    @BeforeEach
    void start() {
        environment = TestWorkflowEnvironment.newInstance();
        AccordSearchAttributes.definitions().forEach(environment::registerSearchAttribute);
        Worker worker = environment.newWorker(TaskQueues.ACCORD);
        worker.registerWorkflowImplementationTypes(SyncWorkflowImpl.class, BackfillWorkflowImpl.class, BackfillChunkWorkflowImpl.class,
                RollbackWorkflowImpl.class, ReviewWorkflowImpl.class);
        worker.registerActivitiesImplementations(flow);
        environment.start();
        client = environment.getWorkflowClient();
    }

    @AfterEach
    void stop() {
        environment.close();
    }

    @Test
    void aSyncCarriesItsAttributesMemoAndSummaryAndUpsertsItsContractAndState() {
        flow.addRecords(15);
        SyncInput input = SyncInput.of("crm-customers").withMode("one-shot").withDryRun(true);
        SyncWorkflow sync = client.newWorkflowStub(SyncWorkflow.class,
                WorkflowStarts.options(TaskQueues.ACCORD, "sync/crm-customers", RunLabels.sync(input)));

        sync.run(input);

        WorkflowExecutionDescription description = WorkflowStub.fromTyped(sync).describe();
        SearchAttributes attributes = description.getTypedSearchAttributes();
        assertThat(attributes.get(AccordSearchAttributes.FLOW)).isEqualTo("crm-customers");
        assertThat(attributes.get(AccordSearchAttributes.RUN_KIND)).isEqualTo("sync");
        assertThat(attributes.get(AccordSearchAttributes.DRY_RUN)).isTrue();
        assertThat(attributes.get(AccordSearchAttributes.CONTRACT_VERSION)).isEqualTo(1L);
        assertThat(attributes.get(AccordSearchAttributes.CONTRACT_HASH)).isEqualTo("sha256:test");
        assertThat(attributes.get(AccordSearchAttributes.STATE)).isEqualTo("finished");
        assertThat(description.getStaticSummary()).isEqualTo("sync crm-customers (one-shot), dry run");
        assertThat(description.getStaticDetails()).contains("dry run").contains("`AccordFlow = 'crm-customers'`");
        assertThat(description.getMemo(WorkflowStarts.MEMO_OPTIONS, SyncInput.class)).isEqualTo(input);
        assertThat(stateUpserts(WorkflowStub.fromTyped(sync).getExecution())).containsExactly("running", "finished");
    }

    @Test
    void aBackfillAndItsChunksCarryTheirAttributesAndEachPageIsNamedInTheHistory() {
        flow.addRecords(25);
        BackfillInput input = new BackfillInput("crm-customers", null, null, 20, 2, 10, null);
        BackfillWorkflow backfill = client.newWorkflowStub(BackfillWorkflow.class,
                WorkflowStarts.options(TaskQueues.ACCORD, "backfill/crm-customers/t1", RunLabels.backfill(input)));

        backfill.run(input);

        SearchAttributes parent = WorkflowStub.fromTyped(backfill).describe().getTypedSearchAttributes();
        assertThat(parent.get(AccordSearchAttributes.RUN_KIND)).isEqualTo("backfill");
        assertThat(parent.get(AccordSearchAttributes.DRY_RUN)).isFalse();
        assertThat(parent.get(AccordSearchAttributes.STATE)).isEqualTo("finished");
        WorkflowStub chunk = client.newUntypedWorkflowStub("backfill/crm-customers/t1/chunk-1");
        WorkflowExecutionDescription chunkDescription = chunk.describe();
        assertThat(chunkDescription.getTypedSearchAttributes().get(AccordSearchAttributes.RUN_KIND)).isEqualTo("chunk");
        assertThat(chunkDescription.getTypedSearchAttributes().get(AccordSearchAttributes.FLOW)).isEqualTo("crm-customers");
        assertThat(chunkDescription.getTypedSearchAttributes().get(AccordSearchAttributes.STATE)).isEqualTo("done");
        assertThat(chunkDescription.getStaticSummary()).startsWith("chunk 1 of backfill/crm-customers/t1");
        assertThat(activitySummaries(chunk.getExecution())).contains("page 1 of chunk 1", "page 2 of chunk 1");
    }

    @Test
    void aPausedSyncShowsPausedAsTheProgressQueryDoesAndRunningAgainOnceResumed() {
        flow.addRecords(15);
        SyncInput input = SyncInput.of("crm-customers");
        SyncWorkflow sync = client.newWorkflowStub(SyncWorkflow.class,
                WorkflowStarts.options(TaskQueues.ACCORD, "sync/crm-customers", RunLabels.sync(input)));
        BatchRequest start = client.newSignalWithStartRequest();
        start.add(sync::run, input);
        start.add(sync::pause);
        client.signalWithStart(start);
        environment.sleep(Duration.ofMinutes(1));

        assertThat(sync.progress().state()).isEqualTo("paused");
        assertThat(WorkflowStub.fromTyped(sync).describe().getTypedSearchAttributes().get(AccordSearchAttributes.STATE)).isEqualTo("paused");

        sync.resume();
        WorkflowStub.fromTyped(sync).getResult(Object.class);
        assertThat(stateUpserts(WorkflowStub.fromTyped(sync).getExecution())).containsExactly("paused", "running", "finished");
    }

    /**
     * The Java test server drops search attributes and memo on continue-as-new (a real server carries them, and
     * {@link RunAttributes#continueAsNew} passes them explicitly): the continued run is then unlabelled, upserts
     * nothing, and must still finish.
     */
    @Test
    void aSyncContinuedAsNewOnTheTestServerFinishesWithoutItsAttributes() {
        flow.addRecords(105);
        SyncInput input = SyncInput.of("crm-customers").withMode("one-shot").withBatchSize(1);
        SyncWorkflow sync = client.newWorkflowStub(SyncWorkflow.class,
                WorkflowStarts.options(TaskQueues.ACCORD, "sync/crm-customers", RunLabels.sync(input)));

        assertThat(sync.run(input).state()).isEqualTo("finished");

        WorkflowExecutionDescription latest = client.newUntypedWorkflowStub("sync/crm-customers").describe();
        assertThat(latest.getExecution().getRunId()).isNotEqualTo(WorkflowStub.fromTyped(sync).getExecution().getRunId());
        assertThat(latest.getTypedSearchAttributes().size()).isZero();
        assertThat(stateUpserts(latest.getExecution())).isEmpty();
    }

    @Test
    void aSyncNamesEachTargetOnItsApplyActivity() {
        flow.addRecords(5);
        SyncInput input = SyncInput.of("crm-customers").withMode("one-shot");
        SyncWorkflow sync = client.newWorkflowStub(SyncWorkflow.class,
                WorkflowStarts.options(TaskQueues.ACCORD, "sync/crm-customers", RunLabels.sync(input)));

        sync.run(input);

        assertThat(activitySummaries(WorkflowStub.fromTyped(sync).getExecution())).contains("Apply → billing", "Apply → support");
    }

    @Test
    void aReviewOpenedByALabelledSyncIsLabelledToo() {
        flow.addRecords(5);
        flow.parkFor.add("C000002");
        SyncInput input = SyncInput.of("crm-customers");
        SyncWorkflow sync = client.newWorkflowStub(SyncWorkflow.class,
                WorkflowStarts.options(TaskQueues.ACCORD, "sync/crm-customers", RunLabels.sync(input)));

        sync.run(input);

        WorkflowExecutionDescription review = client.newUntypedWorkflowStub("review/customer/C000002/phone").describe();
        assertThat(review.getTypedSearchAttributes().get(AccordSearchAttributes.RUN_KIND)).isEqualTo("review");
        assertThat(review.getTypedSearchAttributes().get(AccordSearchAttributes.FLOW)).isEqualTo("crm-customers");
        assertThat(review.getTypedSearchAttributes().get(AccordSearchAttributes.STATE)).isIn("waiting", "escalated", "decided");
        assertThat(review.getStaticSummary()).startsWith("review customer/C000002/phone");
    }

    @Test
    void aRollbackCarriesItsKindAndFlowAndEndsRolledBack() {
        RollbackInput input = new RollbackInput("crm-customers", "run-1", null, null);
        RollbackWorkflow rollback = client.newWorkflowStub(RollbackWorkflow.class,
                WorkflowStarts.options(TaskQueues.ACCORD, "rollback/run-1", RunLabels.rollback(input)));

        rollback.run(input);

        SearchAttributes attributes = WorkflowStub.fromTyped(rollback).describe().getTypedSearchAttributes();
        assertThat(attributes.get(AccordSearchAttributes.RUN_KIND)).isEqualTo("rollback");
        assertThat(attributes.get(AccordSearchAttributes.FLOW)).isEqualTo("crm-customers");
        assertThat(attributes.get(AccordSearchAttributes.STATE)).startsWith("rolled-back");
    }

    @Test
    void aRunStartedBareByTypeNameUpsertsNothingAndStillRuns() {
        flow.addRecords(5);
        SyncWorkflow sync = client.newWorkflowStub(SyncWorkflow.class, WorkflowOptions.newBuilder()
                .setTaskQueue(TaskQueues.ACCORD).setWorkflowId("sync/crm-customers").build());

        assertThat(sync.run(SyncInput.of("crm-customers")).state()).isEqualTo("finished");

        assertThat(WorkflowStub.fromTyped(sync).describe().getTypedSearchAttributes().size()).isZero();
        assertThat(stateUpserts(WorkflowStub.fromTyped(sync).getExecution())).isEmpty();
    }

    private List<String> stateUpserts(WorkflowExecution execution) {
        return history(execution).stream()
                .filter(e -> e.getEventType() == EventType.EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES)
                .map(e -> e.getUpsertWorkflowSearchAttributesEventAttributes().getSearchAttributes().getIndexedFieldsMap()
                        .get(AccordSearchAttributes.STATE.getName()))
                .filter(java.util.Objects::nonNull)
                .map(payload -> DefaultDataConverter.STANDARD_INSTANCE.fromPayload(payload, String.class, String.class))
                .toList();
    }

    private List<String> activitySummaries(WorkflowExecution execution) {
        return history(execution).stream()
                .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED && e.getUserMetadata().hasSummary())
                .map(e -> DefaultDataConverter.STANDARD_INSTANCE.fromPayload(e.getUserMetadata().getSummary(), String.class, String.class))
                .toList();
    }

    private List<HistoryEvent> history(WorkflowExecution execution) {
        return client.fetchHistory(execution.getWorkflowId(), execution.getRunId()).getEvents();
    }
}
