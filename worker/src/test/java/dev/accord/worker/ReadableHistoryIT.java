package dev.accord.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.WorkflowExecutionHistory;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What someone without Accord's codec sees: the real worker (embedded mode, the demo contract, e-mail and phone
 * marked {@code pii: true}) runs a sync and a backfill started, signalled and queried through a client with
 * Temporal's <em>default</em> data converter, as the Temporal UI, the {@code temporal} CLI or another SDK would. Every
 * payload of the histories is readable JSON, per-record decisions are in the activity results, and no seeded e-mail
 * address or phone number is in any history in plain text.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadableHistoryIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Every seeded PII value: e-mails (also "accounts-…", "orphan…"), phones in any spacing, and the invalid ones. */
    private static final List<Pattern> PII = List.of(Pattern.compile("@example\\.com"), Pattern.compile("\\+\\s?49"),
            Pattern.compile("\"not-an-email\""), Pattern.compile("\"12-34\""),
            // A phone's national part, normalised or not ("30 1000010", "301000010"), but not digits inside an id
            // (an activity id's UUID held "891875043969"): nothing alphanumeric or '-' right before or after it.
            Pattern.compile("(?<![0-9A-Za-z-])(30|40|89)\\s?[123]\\d{6}(?![0-9A-Za-z])"));

    private static final Pattern BASE64_DATA = Pattern.compile("\"data\":\\s*\"[A-Za-z0-9+/=]*\"");
    private static final Pattern SEALED = Pattern.compile("pii:v1:[0-9a-f]+:[A-Za-z0-9+/=]+");

    private final String id = "rh_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final CustomerData data = new CustomerData(120);
    private EmbeddedWorker worker;
    private CustomerSystems systems;
    private WorkflowClient client;
    private String storeUrl;

    @BeforeAll
    void startWorker() throws IOException {
        worker = EmbeddedWorker.start(id, data);
        systems = worker.systems;
        client = worker.client;
        storeUrl = worker.storeUrl;
    }

    @AfterAll
    void stopWorker() {
        if (worker != null) {
            worker.close();
        }
    }

    @Test
    void aSyncStartedPausedAndResumedByAnotherClientLeavesAReadableHistoryWithoutPii() throws Exception {
        WorkflowStub run = client.newUntypedWorkflowStub("SyncWorkflow", WorkflowOptions.newBuilder()
                .setTaskQueue("accord").setWorkflowId("sync/crm-customers").build());
        run.signalWithStart("pause", new Object[0], new Object[] {Map.of("flow", "crm-customers", "replayFrom", "beginning", "maxPages", 3)});

        assertThat(awaitState(run, "paused").path("flow").asText()).isEqualTo("crm-customers");
        run.signal("resume");
        JsonNode result = run.getResult(TIMEOUT.toSeconds(), TimeUnit.SECONDS, JsonNode.class);

        assertThat(result.path("state").asText()).isEqualTo("finished");
        assertThat(result.path("counts").path("quarantined").asLong()).as("the CRM's invalid rows").isPositive();
        WorkflowExecutionHistory history = client.fetchHistory("sync/crm-customers");
        assertReadableWithoutPii(history);
        assertThat(decisionsOfRecords(history)).as("per-record decisions in the activity results")
                .contains("C000001=APPLIED", "C000053=QUARANTINED");
        assertThat(textOf(history)).as("PII values are there, sealed").contains("pii:v1:");
    }

    @Test
    void aBackfillOfASourceWithInvalidRowsLeavesReadableHistoriesWithoutPii() throws Exception {
        WorkflowStub run = client.newUntypedWorkflowStub("BackfillWorkflow", WorkflowOptions.newBuilder()
                .setTaskQueue("accord").setWorkflowId("backfill/crm-customers").build());
        run.start(Map.of("flow", "crm-customers", "rowsPerChunk", 40, "batchSize", 25));

        JsonNode result = run.getResult(TIMEOUT.toSeconds(), TimeUnit.SECONDS, JsonNode.class);

        assertThat(result.path("counts").path("quarantined").asLong()).as("the CRM's invalid rows, in " + result).isPositive();
        WorkflowExecutionHistory history = client.fetchHistory("backfill/crm-customers");
        assertReadableWithoutPii(history);
        List<String> chunks = history.getEvents().stream()
                .filter(e -> e.getEventType() == EventType.EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED)
                .map(e -> e.getStartChildWorkflowExecutionInitiatedEventAttributes().getWorkflowId()).toList();
        assertThat(chunks).as("chunks of " + result).isNotEmpty();
        long pagesRun = 0;
        for (String chunk : chunks) {
            WorkflowExecutionHistory chunkHistory = client.fetchHistory(chunk);
            assertReadableWithoutPii(chunkHistory);
            pagesRun += chunkHistory.getEvents().stream().filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
                    .filter(e -> e.getActivityTaskScheduledEventAttributes().getActivityType().getName().equals("RunPage")).count();
        }
        assertThat(pagesRun).isPositive();
    }

    private JsonNode awaitState(WorkflowStub run, String state) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        JsonNode progress = null;
        while (System.nanoTime() < deadline) {
            progress = run.query("progress", JsonNode.class);
            if (state.equalsIgnoreCase(progress.path("state").asText())) {
                return progress;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the run never reached " + state + "; last progress: " + progress);
    }

    /** Every payload is json/plain and parses; neither it nor any other part of the history holds a seeded PII value. */
    private static void assertReadableWithoutPii(WorkflowExecutionHistory history) throws IOException {
        List<Payload> payloads = payloadsOf(history.getHistory());
        assertThat(payloads).isNotEmpty();
        for (Payload payload : payloads) {
            assertThat(payload.getMetadataOrThrow("encoding").toStringUtf8()).as("encoding").isEqualTo("json/plain");
            MAPPER.readTree(payload.getData().toStringUtf8());
        }
        String text = textOf(history);
        for (Pattern pii : PII) {
            java.util.regex.Matcher found = pii.matcher(text);
            assertThat(found.find() ? text.substring(Math.max(0, found.start() - 300), Math.min(text.length(), found.end() + 100)) : "")
                    .as("%s in the history of %s", pii, history.getWorkflowExecution().getWorkflowId()).isEmpty();
        }
    }

    /**
     * The history as JSON with every payload's text in place of its base64, and each sealed value shortened to its
     * prefix: base64, of a payload or of a ciphertext, holds any short sequence by chance ({@code +49} among them).
     */
    private static String textOf(WorkflowExecutionHistory history) {
        StringBuilder text = new StringBuilder(BASE64_DATA.matcher(history.toJson(false)).replaceAll("\"data\": \"…\""));
        payloadsOf(history.getHistory()).forEach(payload -> text.append('\n').append(payload.getData().toStringUtf8()));
        return SEALED.matcher(text).replaceAll("pii:v1:…");
    }

    /** {@code key=decision} of every record listed in an activity result. */
    private static List<String> decisionsOfRecords(WorkflowExecutionHistory history) throws IOException {
        List<String> decisions = new ArrayList<>();
        for (HistoryEvent event : history.getEvents()) {
            if (event.getEventType() != EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED) {
                continue;
            }
            for (Payload payload : event.getActivityTaskCompletedEventAttributes().getResult().getPayloadsList()) {
                JsonNode result = MAPPER.readTree(payload.getData().toStringUtf8());
                for (JsonNode list : List.of(result.path("records"), result.path("quarantined"))) {
                    list.forEach(r -> {
                        if (r.hasNonNull("decision")) {
                            decisions.add(r.path("key").asText() + "=" + r.path("decision").asText());
                        }
                    });
                }
            }
        }
        return decisions;
    }

    private static List<Payload> payloadsOf(Message message) {
        List<Payload> payloads = new ArrayList<>();
        if (message instanceof Payload payload) {
            payloads.add(payload);
            return payloads;
        }
        for (Map.Entry<FieldDescriptor, Object> field : message.getAllFields().entrySet()) {
            if (field.getKey().getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
                List<?> values = field.getKey().isRepeated() ? (List<?>) field.getValue() : List.of(field.getValue());
                values.forEach(value -> payloads.addAll(payloadsOf((Message) value)));
            }
        }
        return payloads;
    }
}
