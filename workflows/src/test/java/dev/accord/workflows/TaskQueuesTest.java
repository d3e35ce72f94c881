package dev.accord.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accord.core.failure.InvalidRequestException;
import dev.accord.workflows.activities.ChunkProgress;
import dev.accord.workflows.backfill.BackfillChunkWorkflowImpl;
import dev.accord.workflows.backfill.BackfillInput;
import dev.accord.workflows.backfill.BackfillResult;
import dev.accord.workflows.backfill.BackfillWorkflow;
import dev.accord.workflows.backfill.BackfillWorkflowImpl;
import dev.accord.workflows.freshness.FakeFreshness;
import dev.accord.workflows.freshness.FreshnessInput;
import dev.accord.workflows.freshness.FreshnessResult;
import dev.accord.workflows.freshness.FreshnessWorkflow;
import dev.accord.workflows.freshness.FreshnessWorkflowImpl;
import dev.accord.workflows.review.ReviewWorkflow;
import dev.accord.workflows.review.ReviewWorkflowImpl;
import dev.accord.workflows.runs.AccordSearchAttributes;
import dev.accord.workflows.sync.FakeFlow;
import dev.accord.workflows.sync.SyncInput;
import dev.accord.workflows.sync.SyncProgress;
import dev.accord.workflows.sync.SyncResult;
import dev.accord.workflows.sync.SyncWorkflow;
import dev.accord.workflows.sync.SyncWorkflowImpl;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A contract on a task queue of its own: ids keep their old form on the default queue and carry the queue's prefix on
 * any other, and every workflow a run starts (reviews, backfill chunks, catch-up syncs) and every activity runs on the
 * run's own queue. The only worker here polls {@value #QUEUE}: anything pinned to {@code accord} would never run.
 */
class TaskQueuesTest {

    private static final String QUEUE = "team-b";

    private TestWorkflowEnvironment environment;
    private WorkflowClient client;
    private final FakeFlow flow = new FakeFlow();
    private final FakeFreshness freshness = new FakeFreshness(flow);

    @BeforeEach
    void start() {
        environment = TestWorkflowEnvironment.newInstance();
        AccordSearchAttributes.definitions().forEach(environment::registerSearchAttribute);
        Worker worker = environment.newWorker(QUEUE);
        worker.registerWorkflowImplementationTypes(SyncWorkflowImpl.class, ReviewWorkflowImpl.class, BackfillWorkflowImpl.class,
                BackfillChunkWorkflowImpl.class, FreshnessWorkflowImpl.class);
        worker.registerActivitiesImplementations(flow, freshness);
        environment.start();
        client = environment.getWorkflowClient();
    }

    @AfterEach
    void stop() {
        environment.close();
    }

    @Test
    void idsOnTheDefaultQueueStayAsTheyWereAndCarryTheQueueOnAnyOther() {
        assertThat(TaskQueues.syncWorkflowId("crm-customers")).isEqualTo("sync/crm-customers");
        assertThat(TaskQueues.syncWorkflowId(TaskQueues.ACCORD, "crm-customers")).isEqualTo("sync/crm-customers");
        assertThat(TaskQueues.workflowId(null, "review/customer/C1/phone")).isEqualTo("review/customer/C1/phone");
        assertThat(TaskQueues.syncWorkflowId(QUEUE, "crm-customers")).isEqualTo("team-b/sync/crm-customers");
        assertThat(TaskQueues.checked(" ")).isEqualTo(TaskQueues.ACCORD);
        assertThatThrownBy(() -> TaskQueues.checked("team/b")).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("task queue 'team/b' is not a plain name");
    }

    @Test
    void aSyncOnItsOwnQueueOpensItsReviewsThereUnderTheQueuesPrefix() {
        flow.addRecords(5);
        flow.parkFor.add("C000002");
        SyncWorkflow sync = client.newWorkflowStub(SyncWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId(TaskQueues.syncWorkflowId(QUEUE, "crm-customers")).setTaskQueue(QUEUE).build());
        WorkflowClient.start(sync::run, SyncInput.of("crm-customers"));

        SyncProgress progress = awaitFinished(sync);

        assertThat(progress.counts()).containsEntry("reviews:opened", 1L);
        assertThat(client.newWorkflowStub(ReviewWorkflow.class, "team-b/review/customer/C000002/phone").state()).isEqualTo("waiting");
        assertThat(flow.delivered).contains("billing:C000004", "support:C000004");
    }

    @Test
    void aBackfillsChunksRunOnItsQueue() {
        flow.addRecords(30);
        BackfillWorkflow backfill = client.newWorkflowStub(BackfillWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId(TaskQueues.workflowId(QUEUE, "backfill/crm-customers/now")).setTaskQueue(QUEUE).build());

        BackfillResult result = backfill.run(new BackfillInput("crm-customers", null, null, 10, 2, 10, null));

        assertThat(result.state()).isEqualTo("finished");
        assertThat(result.chunks()).isGreaterThan(1);
        assertThat(flow.chunkProgress.values()).hasSize(result.chunks()).allMatch(ChunkProgress::done);
    }

    @Test
    void aCatchUpStartsTheSyncOnTheCheckersQueue() {
        flow.addRecords(5);
        FreshnessResult check = client.newWorkflowStub(FreshnessWorkflow.class, WorkflowOptions.newBuilder()
                        .setWorkflowId(TaskQueues.workflowId(QUEUE, "freshness/crm-customers")).setTaskQueue(QUEUE).build())
                .run(new FreshnessInput("crm-customers"));

        assertThat(check.catchUp().workflowId()).isEqualTo("team-b/sync/crm-customers");
        SyncResult caughtUp = WorkflowStub.fromTyped(client.newWorkflowStub(SyncWorkflow.class, "team-b/sync/crm-customers"))
                .getResult(SyncResult.class);
        assertThat(caughtUp.state()).isEqualTo("finished");
        assertThat(flow.checkpoints).last().satisfies(c -> assertThat(c.position()).isEqualTo("5"));
    }

    /** Waits by query, in real time: the client's result call would let the test server skip to the review's deadline. */
    private static SyncProgress awaitFinished(SyncWorkflow sync) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        SyncProgress progress = sync.progress();
        while (!"finished".equals(progress.state()) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            progress = sync.progress();
        }
        assertThat(progress.state()).as("state of %s", progress).isEqualTo("finished");
        return progress;
    }
}
