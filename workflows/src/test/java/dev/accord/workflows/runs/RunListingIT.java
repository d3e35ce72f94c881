package dev.accord.workflows.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.workflows.sync.SyncInput;
import dev.accord.workflows.sync.SyncWorkflow;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowExecutionMetadata;
import io.temporal.client.WorkflowServiceException;
import io.temporal.client.WorkflowStub;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Lists runs by Accord's search attributes, as docs/operations.md tells operators to. Needs a real Temporal server
 * (the Java test server has no visibility: ListWorkflowExecutions is unimplemented there), so it runs only when
 * {@code ACCORD_TEMPORAL_TARGET} names one (e.g. {@code 127.0.0.1:7233} of {@code docker compose up temporal});
 * {@code ACCORD_TEMPORAL_NAMESPACE} defaults to {@code default}. No worker is needed: the runs it starts are
 * terminated once listed.
 */
@EnabledIfEnvironmentVariable(named = "ACCORD_TEMPORAL_TARGET", matches = ".+",
        disabledReason = "needs a real Temporal server with visibility: set ACCORD_TEMPORAL_TARGET (the test server cannot list)")
class RunListingIT {

    private WorkflowServiceStubs stubs;
    private WorkflowClient client;
    private final String flow = "listing-" + UUID.randomUUID();
    private final String queue = "accord-listing-it";

    @BeforeEach
    void connect() {
        String namespace = System.getenv().getOrDefault("ACCORD_TEMPORAL_NAMESPACE", "default");
        stubs = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
                .setTarget(System.getenv("ACCORD_TEMPORAL_TARGET")).build());
        assertThat(SearchAttributeRegistration.register(stubs, namespace).refused()).isFalse();
        client = WorkflowClient.newInstance(stubs, WorkflowClientOptions.newBuilder().setNamespace(namespace).build());
    }

    @AfterEach
    void disconnect() {
        stubs.shutdown();
    }

    @Test
    void findsTheDryRunsOfAFlowAndOnlyThem() throws InterruptedException {
        start(SyncInput.of(flow).withMode("one-shot").withDryRun(true), "dry");
        start(SyncInput.of(flow).withMode("one-shot"), "real");

        List<WorkflowExecutionMetadata> dryRuns = listEventually("AccordFlow = '" + flow + "' AND AccordDryRun = true", 1);
        List<WorkflowExecutionMetadata> syncs = listEventually("AccordFlow = '" + flow + "' AND AccordRunKind = 'sync'", 2);

        assertThat(dryRuns).extracting(r -> r.getExecution().getWorkflowId()).containsExactly("sync/" + flow + "/dry");
        assertThat(syncs).allSatisfy(r -> assertThat(r.getStatus()).isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING));
        syncs.forEach(r -> client.newUntypedWorkflowStub(r.getExecution().getWorkflowId()).terminate("listed by RunListingIT"));
    }

    /** Starts a run; a server may take a few seconds before attributes it has just registered are accepted. */
    private void start(SyncInput input, String suffix) throws InterruptedException {
        SyncWorkflow sync = client.newWorkflowStub(SyncWorkflow.class, WorkflowStarts.options(queue, "sync/" + flow + "/" + suffix,
                RunLabels.sync(input)));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            try {
                WorkflowClient.start(sync::run, input);
                break;
            } catch (WorkflowServiceException notYetKnown) {
                if (System.nanoTime() > deadline) {
                    throw notYetKnown;
                }
                Thread.sleep(1_000);
            }
        }
        assertThat(WorkflowStub.fromTyped(sync).describe().getTypedSearchAttributes().get(AccordSearchAttributes.FLOW)).isEqualTo(flow);
    }

    /** Visibility is eventually consistent: ask again for a few seconds. */
    private List<WorkflowExecutionMetadata> listEventually(String query, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<WorkflowExecutionMetadata> found = List.of();
        while (System.nanoTime() < deadline) {
            found = client.listExecutions(query).toList();
            if (found.size() >= expected) {
                return found;
            }
            Thread.sleep(500);
        }
        return found;
    }
}
