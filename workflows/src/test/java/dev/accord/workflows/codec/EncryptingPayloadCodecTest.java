package dev.accord.workflows.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
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
import io.temporal.payload.codec.PayloadCodecException;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncryptingPayloadCodecTest {

    private final PayloadKey key = PayloadKey.of(new byte[32]);
    private final EncryptingPayloadCodec codec = new EncryptingPayloadCodec(key);

    @Test
    void roundTripsAPayloadAndHidesItsContent() {
        Payload plain = Payload.newBuilder().putMetadata("encoding", ByteString.copyFromUtf8("json/plain"))
                .setData(ByteString.copyFromUtf8("{\"email\":\"ada@example.com\"}")).build();

        Payload sealed = codec.encode(List.of(plain)).get(0);

        assertThat(sealed.getData().toStringUtf8()).doesNotContain("ada@example.com");
        assertThat(sealed.getMetadataOrThrow("encoding").toStringUtf8()).isEqualTo("binary/encrypted");
        assertThat(codec.decode(List.of(sealed))).containsExactly(plain);
    }

    @Test
    void plainPayloadsFromTheTemporalUiPassThrough() {
        Payload plain = Payload.newBuilder().putMetadata("encoding", ByteString.copyFromUtf8("json/plain"))
                .setData(ByteString.copyFromUtf8("{\"flow\":\"crm-customers\"}")).build();

        assertThat(codec.decode(List.of(plain))).containsExactly(plain);
    }

    @Test
    void aPayloadSealedWithAnotherKeyIsReportedAsSuch() {
        byte[] other = new byte[32];
        other[0] = 1;
        Payload sealed = new EncryptingPayloadCodec(PayloadKey.of(other)).encode(List.of(Payload.getDefaultInstance())).get(0);

        assertThatThrownBy(() -> codec.decode(List.of(sealed))).isInstanceOf(PayloadCodecException.class)
                .hasMessageContaining("ACCORD_PAYLOAD_KEY");
    }

    @Test
    void theKeyFileIsCreatedOnceAndSharedByEveryoneWhoReadsIt(@TempDir Path folder) throws Exception {
        Path file = folder.resolve(".accord/payload.key");

        PayloadKey first = PayloadKey.fromFile(file);
        PayloadKey second = PayloadKey.fromFile(file);

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(Files.getPosixFilePermissions(file)).hasSize(2);
    }

    @Test
    void noRecordValueAppearsInPlainTextInAWorkflowHistory() {
        assertThat(historyOfASync(AccordDataConverter.create(key))).doesNotContain("@example.com");
        assertThat(historyOfASync(AccordDataConverter.json())).as("the control: without the codec the e-mails are there")
                .contains("customer3@example.com");
    }

    /** Every payload's bytes in a history (JSON shows them base64-encoded), as text. */
    private static String payloadsOf(String historyJson) {
        StringBuilder all = new StringBuilder();
        java.util.regex.Matcher data = java.util.regex.Pattern.compile("\"data\":\\s*\"([A-Za-z0-9+/=]+)\"").matcher(historyJson);
        while (data.find()) {
            all.append(new String(java.util.Base64.getDecoder().decode(data.group(1)), java.nio.charset.StandardCharsets.UTF_8)).append('\n');
        }
        return all.toString();
    }

    private static String historyOfASync(DataConverter converter) {
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
            return payloadsOf(environment.getWorkflowClient().fetchHistory("sync/crm-customers").toJson(false));
        } finally {
            environment.close();
        }
    }
}
