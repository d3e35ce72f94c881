package dev.accord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accord.worker.EmbeddedTemporal;
import dev.accord.workflows.AccordDataConverter;
import dev.accord.workflows.TaskQueues;
import dev.accord.workflows.activities.KeyRange;
import dev.accord.workflows.backfill.BackfillInput;
import dev.accord.workflows.backfill.BackfillProgress;
import dev.accord.workflows.backfill.BackfillResult;
import dev.accord.workflows.backfill.BackfillWorkflow;
import dev.accord.workflows.backfill.ChunkState;
import dev.accord.workflows.sync.SyncInput;
import dev.accord.workflows.sync.SyncProgress;
import dev.accord.workflows.sync.SyncResult;
import dev.accord.workflows.sync.SyncWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import io.temporal.workflow.Workflow;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code sync status} and {@code backfill status} with {@code -o json}, against a Temporal server whose worker runs
 * stand-in workflows that answer the {@code progress} query with known values.
 */
class StatusJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final String BACKFILL = "backfill/crm-customers/20260101T000000";

    private EmbeddedTemporal temporal;
    private WorkflowServiceStubs service;
    private WorkerFactory workers;
    private WorkflowClient client;

    @BeforeEach
    void worker() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        temporal = new EmbeddedTemporal(port);
        service = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder().setTarget(temporal.hostAndPort()).build());
        client = WorkflowClient.newInstance(service, WorkflowClientOptions.newBuilder().setDataConverter(AccordDataConverter.create(TemporalConnection.payloadProtection())).build());
        workers = WorkerFactory.newInstance(client);
        workers.newWorker(TaskQueues.ACCORD).registerWorkflowImplementationTypes(PausedSync.class, HalfwayBackfill.class);
        workers.start();
    }

    @AfterEach
    void stop() {
        workers.shutdownNow();
        service.shutdownNow();
        temporal.close();
    }

    @Test
    void syncStatusIsOneObjectWithTheProgressQuerysAnswer() throws Exception {
        SyncWorkflow sync = client.newWorkflowStub(SyncWorkflow.class,
                WorkflowOptions.newBuilder().setWorkflowId("sync/crm-customers").setTaskQueue(TaskQueues.ACCORD).build());
        WorkflowClient.start(sync::run, SyncInput.of("crm-customers"));

        JsonNode status = json("sync", "status", "crm-customers", "--temporal", temporal.hostAndPort(), "-o", "json");

        assertThat(fieldNames(status)).containsExactly("workflowId", "flow", "state", "dryRun", "pages", "checkpoint", "sourceHead", "counts");
        assertThat(status.get("workflowId").asText()).isEqualTo("sync/crm-customers");
        assertThat(status.get("state").asText()).isEqualTo("paused");
        assertThat(status.get("dryRun").asBoolean()).isTrue();
        assertThat(status.get("pages").asLong()).isEqualTo(3);
        assertThat(status.get("checkpoint").asText()).isEqualTo("2026-01-01T00:00:00|C000250");
        assertThat(status.get("counts").get("billing:written").asLong()).isEqualTo(240);
    }

    @Test
    void backfillStatusIsOneObjectWithEveryChunk() throws Exception {
        BackfillWorkflow backfill = client.newWorkflowStub(BackfillWorkflow.class,
                WorkflowOptions.newBuilder().setWorkflowId(BACKFILL).setTaskQueue(TaskQueues.ACCORD).build());
        WorkflowClient.start(backfill::run, new BackfillInput("crm-customers", null, null, null, null, null, null));

        JsonNode status = json("backfill", "status", BACKFILL, "--temporal", temporal.hostAndPort(), "-o", "json");

        assertThat(fieldNames(status)).containsExactly("workflowId", "flow", "state", "chunksTotal", "chunksDone", "chunksRunning",
                "records", "elapsedSeconds", "etaSeconds", "counts", "chunks");
        assertThat(status.get("workflowId").asText()).isEqualTo(BACKFILL);
        assertThat(status.get("chunksDone").asInt()).isEqualTo(1);
        assertThat(status.get("etaSeconds").isNull()).as("unknown ETA").isTrue();
        assertThat(status.get("chunks")).hasSize(2);
        JsonNode first = status.get("chunks").get(0);
        assertThat(fieldNames(first)).containsExactly("chunk", "afterKey", "lastKey", "state", "records");
        assertThat(first.get("afterKey").isNull()).isTrue();
        assertThat(first.get("lastKey").asText()).isEqualTo("C010000");
        assertThat(status.get("chunks").get(1).get("state").asText()).isEqualTo("running");
    }

    private static JsonNode json(String... args) throws Exception {
        Cli run = Cli.run(args);
        assertThat(run.exitCode()).as(String.join(" ", args) + ": " + run.err()).isZero();
        return JSON.readTree(run.out());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Stands in for a paused dry-run sync: waits forever and answers progress. */
    public static class PausedSync implements SyncWorkflow {
        private String flow;

        @Override
        public SyncResult run(SyncInput input) {
            flow = input.flow();
            Workflow.await(() -> false);
            return null;
        }

        @Override
        public SyncProgress progress() {
            return new SyncProgress(flow, "paused", 3, Map.of("applied", 250L, "billing:written", 240L), "2026-01-01T00:00:00|C000250",
                    "2026-01-02T00:00:00|C009999", true);
        }

        @Override
        public void pause() {}

        @Override
        public void resume() {}

        @Override
        public void cancel() {}

        @Override
        public void rollback() {}

        @Override
        public void catchUp() {}
    }

    /** Stands in for a backfill with one of two chunks done. */
    public static class HalfwayBackfill implements BackfillWorkflow {
        private String flow;

        @Override
        public BackfillResult run(BackfillInput input) {
            flow = input.flow();
            Workflow.await(() -> false);
            return null;
        }

        @Override
        public BackfillProgress progress() {
            return new BackfillProgress(flow, "running", 2, 1, 1, 10_000, 42, -1, Map.of("applied", 10_000L),
                    List.of(new ChunkState(0, new KeyRange(null, "C010000"), "finished", 10_000),
                            new ChunkState(1, new KeyRange("C010000", null), "running", 0)));
        }

        @Override
        public void pause() {}

        @Override
        public void resume() {}

        @Override
        public void cancel() {}

        @Override
        public void rollback() {}
    }
}
