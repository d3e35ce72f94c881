package dev.accord.workflows.codec;

import static dev.accord.workflows.codec.EncryptingPayloadCodecTest.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accord.workflows.AccordDataConverter;
import dev.accord.workflows.TaskQueues;
import dev.accord.workflows.activities.ExtractedPage;
import dev.accord.workflows.sync.FakeFlow;
import dev.accord.workflows.sync.SyncInput;
import dev.accord.workflows.sync.SyncProgress;
import dev.accord.workflows.sync.SyncResult;
import dev.accord.workflows.sync.SyncWorkflow;
import dev.accord.workflows.sync.SyncWorkflowImpl;
import io.temporal.api.common.v1.Payloads;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.converter.CodecDataConverter;
import io.temporal.common.converter.DataConverter;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactoryOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Key rotation with a workflow in flight: its activity results were sealed under key A; then the worker's keys become
 * B (current) with A kept. Without a workflow cache every workflow task replays the whole history, as a new worker
 * process does, so the run reads A's values, goes on sealing under B and finishes. A process that no longer has A
 * cannot read those results and says which key is missing.
 */
class KeyRotationTest {

    private static final String WORKFLOW_ID = "sync/crm-customers";
    private final PayloadKey a = key(10);
    private final PayloadKey b = key(11);
    private final AtomicReference<PayloadKeyring> workerKeys = new AtomicReference<>(PayloadKeyring.of(a));
    private final FakeFlow flow = new FakeFlow();
    private final TestWorkflowEnvironment environment = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
            .setWorkerFactoryOptions(WorkerFactoryOptions.newBuilder().setWorkflowCacheSize(0).build())
            .setWorkflowClientOptions(WorkflowClientOptions.newBuilder().setDataConverter(new CodecDataConverter(AccordDataConverter.json(),
                    List.of(new FieldEncryptingPayloadCodec(PiiNames.of("email"), workerKeys::get)))).build())
            .build());

    @AfterEach
    void close() {
        environment.close();
    }

    @Test
    void anInFlightSyncWrittenUnderKeyAFinishesAfterTheWorkerMovedToKeyBWithAKept() throws Exception {
        flow.addRecords(5);
        flow.continuous = true;
        Worker worker = environment.newWorker(TaskQueues.ACCORD);
        worker.registerWorkflowImplementationTypes(SyncWorkflowImpl.class);
        worker.registerActivitiesImplementations(flow);
        environment.start();
        WorkflowClient client = environment.getWorkflowClient();
        SyncWorkflow run = client.newWorkflowStub(SyncWorkflow.class,
                WorkflowOptions.newBuilder().setWorkflowId(WORKFLOW_ID).setTaskQueue(TaskQueues.ACCORD).build());
        WorkflowClient.start(run::run, SyncInput.of("crm-customers"));
        awaitState(run, 1);

        workerKeys.set(PayloadKeyring.of(b, a));
        flow.addRecords(3);
        run.catchUp();
        awaitState(run, 2);
        run.cancel();
        SyncResult result = client.newUntypedWorkflowStub(WORKFLOW_ID).getResult(30, TimeUnit.SECONDS, SyncResult.class);

        assertThat(result.state()).isEqualTo("cancelled");
        assertThat(result.pages()).isEqualTo(2);
        List<Payloads> extracted = extractResults(client);
        assertThat(text(extracted.get(0))).contains("pii:v1:" + a.id() + ":").doesNotContain("@example.com");
        assertThat(text(extracted.get(extracted.size() - 1))).contains("pii:v1:" + b.id() + ":").doesNotContain("@example.com");
        assertThat(converter(PayloadKeyring.of(b, a)).fromPayloads(0, Optional.of(extracted.get(0)), ExtractedPage.class, ExtractedPage.class)
                .records().get(0).columns()).containsEntry("email", "customer0@example.com");
        assertThatThrownBy(() -> converter(PayloadKeyring.of(b)).fromPayloads(0, Optional.of(extracted.get(0)), ExtractedPage.class,
                ExtractedPage.class)).as("without A").hasStackTraceContaining(a.id()).hasStackTraceContaining("ACCORD_PAYLOAD_KEYS");
    }

    /** The results of the Extract activities that carried records, in order. */
    private static List<Payloads> extractResults(WorkflowClient client) {
        Set<Long> extracts = new HashSet<>();
        List<Payloads> results = new ArrayList<>();
        for (HistoryEvent event : client.fetchHistory(WORKFLOW_ID).getEvents()) {
            if (event.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED
                    && event.getActivityTaskScheduledEventAttributes().getActivityType().getName().equals("Extract")) {
                extracts.add(event.getEventId());
            }
            if (event.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED
                    && extracts.contains(event.getActivityTaskCompletedEventAttributes().getScheduledEventId())
                    && text(event.getActivityTaskCompletedEventAttributes().getResult()).contains("pii:v1:")) {
                results.add(event.getActivityTaskCompletedEventAttributes().getResult());
            }
        }
        return results;
    }

    private static String text(Payloads payloads) {
        return payloads.getPayloadsList().stream().map(p -> p.getData().toStringUtf8()).reduce("", String::concat);
    }

    private static void awaitState(SyncWorkflow run, long pages) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            SyncProgress progress = run.progress();
            if ("waiting".equals(progress.state()) && progress.pages() >= pages) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("never waiting after " + pages + " pages");
    }

    private static DataConverter converter(PayloadKeyring keys) {
        return AccordDataConverter.create(PayloadProtection.field(PiiNames.of("email"), keys));
    }
}
