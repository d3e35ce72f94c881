package dev.accord.workflows.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accord.workflows.TaskQueues;
import dev.accord.workflows.sync.SyncInput;
import dev.accord.workflows.sync.SyncWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the Java test server supports: its OperatorService adds search attributes (and answers ALREADY_EXISTS the
 * second time), and it refuses a start that carries attributes it does not know — so registration must come first.
 */
class SearchAttributeRegistrationTest {

    private final TestWorkflowEnvironment environment = TestWorkflowEnvironment.newInstance();

    @AfterEach
    void stop() {
        environment.close();
    }

    @Test
    void registersEveryAttributeOnceAndFindsThemInPlaceTheSecondTime() {
        SearchAttributeRegistration.Result first = SearchAttributeRegistration.register(environment.getWorkflowServiceStubs(),
                environment.getNamespace());
        SearchAttributeRegistration.Result second = SearchAttributeRegistration.register(environment.getWorkflowServiceStubs(),
                environment.getNamespace());

        List<String> all = new ArrayList<>(AccordSearchAttributes.definitions().keySet());
        assertThat(first.refused()).isFalse();
        assertThat(first.added()).containsExactlyElementsOf(all);
        assertThat(second.added()).isEmpty();
        assertThat(second.existing()).containsExactlyElementsOf(all);
    }

    @Test
    void theTestServerRefusesAStartWithAttributesItDoesNotKnow() {
        environment.start();
        WorkflowClient client = environment.getWorkflowClient();
        SyncInput input = SyncInput.of("crm-customers");
        SyncWorkflow sync = client.newWorkflowStub(SyncWorkflow.class,
                WorkflowStarts.options(TaskQueues.ACCORD, "sync/crm-customers", RunLabels.sync(input)));

        assertThatThrownBy(() -> WorkflowClient.start(sync::run, input)).hasStackTraceContaining("is not defined");
    }
}
