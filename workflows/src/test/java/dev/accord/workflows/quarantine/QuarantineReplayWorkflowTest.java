package dev.accord.workflows.quarantine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.workflows.TaskQueues;
import dev.accord.workflows.runs.AccordSearchAttributes;
import dev.accord.workflows.runs.RunLabels;
import dev.accord.workflows.runs.WorkflowStarts;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.SearchAttributes;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Quarantine replays on the Temporal test environment over an in-memory quarantine. */
class QuarantineReplayWorkflowTest {

    private TestWorkflowEnvironment environment;
    private WorkflowClient client;
    private FakeQuarantine quarantine;

    private void start(FakeQuarantine fake) {
        quarantine = fake;
        environment = TestWorkflowEnvironment.newInstance();
        Worker worker = environment.newWorker(TaskQueues.ACCORD);
        worker.registerWorkflowImplementationTypes(QuarantineReplayWorkflowImpl.class);
        worker.registerActivitiesImplementations(fake);
        environment.start();
        client = environment.getWorkflowClient();
    }

    @AfterEach
    void stop() {
        if (environment != null) {
            environment.close();
        }
    }

    @Test
    void replaysEveryOpenEntryPageByPageUnderARunRecordOfItsOwn() {
        start(new FakeQuarantine(250, Set.of(7L, 180L)));

        QuarantineReplayResult result = stub("all").run(new QuarantineReplayInput("crm-customers", null, null, null, "otto", null));

        assertThat(result.state()).isEqualTo("finished");
        assertThat(result.pages()).isEqualTo(3);
        assertThat(result.entries()).isEqualTo(250);
        assertThat(result.counts()).containsEntry("entries:replayed", 248L).containsEntry("entries:open", 2L)
                .containsEntry("applied", 248L);
        assertThat(quarantine.open).containsExactly(7L, 180L);
        assertThat(quarantine.started).singleElement().satisfies(s -> {
            assertThat(s.kind()).isEqualTo("replay");
            assertThat(s.run().workflowId()).isEqualTo("quarantine-replay/crm-customers/all");
        });
        assertThat(quarantine.finishedStates).containsExactly("finished");
    }

    @Test
    void replaysOnlyTheListedEntries() {
        start(new FakeQuarantine(20, Set.of()));

        QuarantineReplayResult result = stub("listed").run(new QuarantineReplayInput("crm-customers", List.of(12L, 3L), null, null,
                "otto", null));

        assertThat(result.entries()).isEqualTo(2);
        assertThat(quarantine.replayed).containsExactly(3L, 12L);
    }

    @Test
    void waitsWhileTheSourceIsHeldAndDeliversWhatAHeldTargetCouldNotTakeOnATimer() {
        FakeQuarantine fake = new FakeQuarantine(5, Set.of());
        fake.heldReplays.set(2);
        fake.heldApplies.set(1);
        fake.firstPageHeldAtBilling = true;
        start(fake);

        QuarantineReplayResult result = stub("held").run(new QuarantineReplayInput("crm-customers", null, null, null, "otto", null));

        assertThat(result.state()).isEqualTo("finished");
        assertThat(result.counts()).containsEntry("entries:replayed", 5L).containsEntry("billing:written", 1L);
        assertThat(quarantine.delivered).containsExactly("C1");
    }

    @Test
    void theIdNamesTheFlowAndTheTimeItStarted() {
        assertThat(QuarantineReplayWorkflow.workflowId("crm-customers", Instant.parse("2026-03-01T10:15:30Z")))
                .isEqualTo("quarantine-replay/crm-customers/20260301T101530");
    }

    @Test
    void aReplayStartedByAccordCarriesItsKindFlowContractAndFinalState() {
        start(new FakeQuarantine(20, Set.of()));
        AccordSearchAttributes.definitions().forEach(environment::registerSearchAttribute);
        QuarantineReplayInput input = new QuarantineReplayInput("crm-customers", List.of(3L, 12L), null, null, "otto", null);
        QuarantineReplayWorkflow replay = client.newWorkflowStub(QuarantineReplayWorkflow.class,
                WorkflowStarts.options(TaskQueues.ACCORD, "quarantine-replay/crm-customers/labelled", RunLabels.quarantineReplay(input)));

        replay.run(input);

        WorkflowExecutionDescription description = WorkflowStub.fromTyped(replay).describe();
        SearchAttributes attributes = description.getTypedSearchAttributes();
        assertThat(attributes.get(AccordSearchAttributes.RUN_KIND)).isEqualTo("quarantine-replay");
        assertThat(attributes.get(AccordSearchAttributes.FLOW)).isEqualTo("crm-customers");
        assertThat(attributes.get(AccordSearchAttributes.CONTRACT_HASH)).isNotBlank();
        assertThat(attributes.get(AccordSearchAttributes.STATE)).isEqualTo("finished");
        assertThat(description.getStaticSummary()).isEqualTo("replay quarantined 2 entries of crm-customers");
    }

    private QuarantineReplayWorkflow stub(String suffix) {
        return client.newWorkflowStub(QuarantineReplayWorkflow.class, WorkflowOptions.newBuilder()
                .setTaskQueue(TaskQueues.ACCORD).setWorkflowId("quarantine-replay/crm-customers/" + suffix).build());
    }
}
