package dev.accord.workflows.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.core.review.ReviewOutcome;
import dev.accord.workflows.TaskQueues;
import dev.accord.workflows.sync.FakeFlow;
import dev.accord.workflows.sync.SyncInput;
import dev.accord.workflows.sync.SyncProgress;
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

/** Reviews on the Temporal test environment: parked by a sync without blocking it, decided by signal or by the deadline. */
class ReviewWorkflowTest {

    private TestWorkflowEnvironment environment;
    private WorkflowClient client;
    private final FakeFlow flow = new FakeFlow();

    @BeforeEach
    void start() {
        environment = TestWorkflowEnvironment.newInstance();
        Worker worker = environment.newWorker(TaskQueues.ACCORD);
        worker.registerWorkflowImplementationTypes(SyncWorkflowImpl.class, ReviewWorkflowImpl.class);
        worker.registerActivitiesImplementations(flow);
        environment.start();
        client = environment.getWorkflowClient();
    }

    @AfterEach
    void stop() {
        environment.close();
    }

    @Test
    void aSyncOpensReviewsAndFinishesWithoutWaitingForThem() {
        flow.addRecords(5);
        flow.parkFor.add("C000002");

        SyncProgress result = runInRealTime(SyncInput.of("crm-customers"));

        assertThat(result.state()).isEqualTo("finished");
        assertThat(result.counts()).containsEntry("reviews:opened", 1L);
        assertThat(client.newWorkflowStub(ReviewWorkflow.class, "review/customer/C000002/phone").state()).isEqualTo("waiting");
        assertThat(flow.decisions).isEmpty();
    }

    @Test
    void aSecondProposalForAFieldUnderReviewJoinsTheOpenReview() {
        flow.addRecords(5);
        flow.parkFor.add("C000002");
        runInRealTime(SyncInput.of("crm-customers"));

        SyncProgress replay = runInRealTime(SyncInput.of("crm-customers").withReplayFrom("beginning"), "sync/crm-customers/replay");

        assertThat(replay.state()).isEqualTo("finished");
        assertThat(replay.counts()).containsEntry("reviews:updated", 1L).doesNotContainKey("reviews:opened");
    }

    @Test
    void anApprovalIsAppliedAndDelivered() {
        ReviewWorkflow review = start("customer/C000001/phone");
        environment.sleep(Duration.ofHours(1));

        review.approve("alice", "customer called");
        ReviewOutcome outcome = WorkflowStub.fromTyped(review).getResult(ReviewOutcome.class);

        assertThat(flow.decisions).singleElement().satisfies(d -> {
            assertThat(d.action()).isEqualTo("approve");
            assertThat(d.by()).isEqualTo("alice");
        });
        assertThat(flow.escalations).isEmpty();
        assertThat(flow.delivered).containsExactly("crm:C000001");
        assertThat(outcome.status()).isEqualTo("approved");
    }

    @Test
    void theDeadlineEscalatesAndAppliesTheDefault() {
        ReviewWorkflow review = start("customer/C000001/phone");

        environment.sleep(ReviewInput.DEFAULT_DEADLINE.plusMinutes(1));
        WorkflowStub.fromTyped(review).getResult(ReviewOutcome.class);

        assertThat(flow.escalations).containsExactly("customer/C000001/phone");
        assertThat(flow.decisions).singleElement().satisfies(d -> {
            assertThat(d.action()).isEqualTo("reject");
            assertThat(d.by()).isEqualTo("deadline");
        });
    }

    private ReviewWorkflow start(String id) {
        ReviewWorkflow review = review(id);
        WorkflowClient.start(review::run, ReviewInput.withDefaults(id, "crm-customers"));
        return review;
    }

    private ReviewWorkflow review(String id) {
        return client.newWorkflowStub(ReviewWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId("review/" + id).setTaskQueue(TaskQueues.ACCORD).build());
    }

    /**
     * Runs a sync and waits for it in real time, by query, and answers its final progress — never with the client's
     * result call: that call lets the test server skip time whenever the workflows look idle, and a skip to an open
     * review's 24 h deadline would escalate it before the test looks (or before a replay proposes the same field again).
     */
    private SyncProgress runInRealTime(SyncInput input) {
        return runInRealTime(input, "sync/crm-customers");
    }

    /**
     * As {@link #runInRealTime(SyncInput)}, under a workflow id of its own: the progress query says {@code finished} a
     * moment before the run records its end and closes, so a second run under the first one's id could find it still
     * open (WorkflowExecutionAlreadyStarted). Waiting for the close instead is no way out: the client's result call lets
     * time skip, and the test server's describe call can fail while an abandoned child is being started.
     */
    private SyncProgress runInRealTime(SyncInput input, String workflowId) {
        SyncWorkflow run = client.newWorkflowStub(SyncWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId(workflowId).setTaskQueue(TaskQueues.ACCORD).build());
        WorkflowClient.start(run::run, input);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!"finished".equals(run.progress().state()) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return run.progress();
    }
}
