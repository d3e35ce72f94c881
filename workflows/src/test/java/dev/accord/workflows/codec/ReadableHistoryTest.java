package dev.accord.workflows.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accord.workflows.AccordDataConverter;
import dev.accord.workflows.TaskQueues;
import dev.accord.workflows.sync.FakeFlow;
import dev.accord.workflows.sync.SyncInput;
import dev.accord.workflows.sync.SyncWorkflow;
import dev.accord.workflows.sync.SyncWorkflowImpl;
import io.temporal.api.common.v1.Payload;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** With field encryption a sync's history is plain JSON throughout, and no e-mail address (a PII column) is in it. */
class ReadableHistoryTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final PayloadKeyring keys = PayloadKeyring.of(PayloadKey.of(new byte[32]));

    @Test
    void everyPayloadIsJsonAndNoPiiValueIsInPlainText() throws Exception {
        WorkflowExecutionHistory history = historyOfASync(AccordDataConverter.create(PayloadProtection.field(PiiNames.of("email"), keys)));

        for (Payload payload : HistoryPayloads.all(history.getHistory())) {
            assertThat(payload.getMetadataOrThrow("encoding").toStringUtf8()).isIn("json/plain", "binary/null");
            if (payload.getMetadataOrThrow("encoding").toStringUtf8().equals("json/plain")) {
                MAPPER.readTree(payload.getData().toStringUtf8());
            }
        }
        assertThat(text(history)).doesNotContain("@example.com").contains("C000003").contains("pii:v1:" + keys.current().id());
    }

    @Test
    void theControlWithoutProtectionHasTheAddresses() {
        assertThat(text(historyOfASync(AccordDataConverter.json()))).contains("customer3@example.com");
    }

    private static String text(WorkflowExecutionHistory history) {
        return history.toJson(false) + HistoryPayloads.all(history.getHistory()).stream().map(p -> p.getData().toStringUtf8())
                .collect(Collectors.joining("\n"));
    }

    private static WorkflowExecutionHistory historyOfASync(DataConverter converter) {
        TestWorkflowEnvironment environment = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
                .setWorkflowClientOptions(WorkflowClientOptions.newBuilder().setDataConverter(converter).build()).build());
        try {
            FakeFlow flow = new FakeFlow();
            flow.addRecords(5);
            Worker worker = environment.newWorker(TaskQueues.ACCORD);
            worker.registerWorkflowImplementationTypes(SyncWorkflowImpl.class);
            worker.registerActivitiesImplementations(flow);
            environment.start();
            environment.getWorkflowClient().newWorkflowStub(SyncWorkflow.class, WorkflowOptions.newBuilder()
                    .setWorkflowId("sync/crm-customers").setTaskQueue(TaskQueues.ACCORD).build()).run(SyncInput.of("crm-customers"));
            return environment.getWorkflowClient().fetchHistory("sync/crm-customers");
        } finally {
            environment.close();
        }
    }
}
