package dev.accord.workflows.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.core.review.ReviewOutcome;
import dev.accord.workflows.AccordDataConverter;
import dev.accord.workflows.TaskQueues;
import dev.accord.workflows.review.ReviewInput;
import dev.accord.workflows.review.ReviewWorkflow;
import dev.accord.workflows.review.ReviewWorkflowImpl;
import dev.accord.workflows.sync.FakeFlow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A steward's edited value is a bare signal argument, which the codec cannot tell is PII: its sender seals it. The
 * review applies the value itself, and neither the signal nor the decision handed to the activity shows it.
 */
class SealedSignalTest {

    private final PayloadProtection protection = PayloadProtection.field(PiiNames.of("phone"), PayloadKeyring.of(PayloadKey.of(new byte[32])));

    @Test
    void anEditedPiiValueTravelsSealedAndIsAppliedAsTyped() {
        FakeFlow flow = new FakeFlow();
        TestWorkflowEnvironment environment = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
                .setWorkflowClientOptions(WorkflowClientOptions.newBuilder().setDataConverter(AccordDataConverter.create(protection)).build())
                .build());
        try {
            Worker worker = environment.newWorker(TaskQueues.ACCORD);
            worker.registerWorkflowImplementationTypes(ReviewWorkflowImpl.class);
            worker.registerActivitiesImplementations(flow);
            environment.start();
            ReviewWorkflow review = environment.getWorkflowClient().newWorkflowStub(ReviewWorkflow.class, WorkflowOptions.newBuilder()
                    .setWorkflowId("review/customer/C000001/phone").setTaskQueue(TaskQueues.ACCORD).build());
            WorkflowClient.start(review::run, ReviewInput.withDefaults("customer/C000001/phone", "crm-customers"));

            review.edit("stella", protection.sealed("\"+49 40 5550123\""), "called the customer");
            WorkflowStub.fromTyped(review).getResult(ReviewOutcome.class);

            assertThat(flow.decisions).singleElement().satisfies(d -> assertThat(d.value()).isEqualTo("\"+49 40 5550123\""));
            String history = HistoryPayloads.all(environment.getWorkflowClient().fetchHistory("review/customer/C000001/phone").getHistory())
                    .stream().map(p -> p.getData().toStringUtf8()).collect(Collectors.joining("\n"));
            assertThat(history).doesNotContain("5550123").contains("pii:v1:").contains("stella");
        } finally {
            environment.close();
        }
    }
}
