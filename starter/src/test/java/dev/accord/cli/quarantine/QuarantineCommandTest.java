package dev.accord.cli.quarantine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.store.AccordStore;
import dev.accord.store.QuarantineLog;
import dev.accord.cli.AccordCli;
import dev.accord.workflows.AccordDataConverter;
import dev.accord.workflows.TaskQueues;
import dev.accord.workflows.runs.SearchAttributeRegistration;
import dev.accord.workflows.quarantine.QuarantineReplayInput;
import dev.accord.workflows.quarantine.QuarantineReplayResult;
import dev.accord.workflows.quarantine.QuarantineReplayWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testserver.TestServer;
import io.temporal.worker.WorkerFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code accord quarantine list|show|discard|replay} over a store holding quarantine entries; replay against a
 * Temporal test server whose worker records what the CLI started.
 */
class QuarantineCommandTest {

    private final String url = "jdbc:h2:mem:hq_cli" + UUID.randomUUID().toString().substring(0, 8) + ";DB_CLOSE_DELAY=-1";
    private final String contract = Path.of("..", "examples", "customers.contract.yaml").toString();
    private AccordStore store;

    @BeforeEach
    void quarantine() {
        JdbcDataSource source = new JdbcDataSource();
        source.setURL(url);
        source.setUser("sa");
        store = AccordStore.open(source, url);
        store.inTransaction(c -> {
            store.quarantine().add(c, List.of(
                    entry("C000053", "SCHEMA_CONSTRAINT", "$.email", "'ada(at)example.com' is not an e-mail address",
                            "{\"id\":\"C000053\",\"email\":\"ada(at)example.com\",\"full_name\":\"Ada\"}"),
                    entry("C000077", "REQUIRED_MISSING", "$.name", "name is empty", "{\"id\":\"C000077\",\"full_name\":\"  \"}"),
                    entry("C000099", "SCHEMA_CONSTRAINT", "$.phone", "'12-34' is not E.164", "{\"id\":\"C000099\",\"phone\":\"12-34\"}")));
            return null;
        });
    }

    @Test
    void listCountsOpenEntriesByReasonAndListsThem() {
        String out = run("quarantine", "list", "--store", url, "--flow", "crm-customers");

        assertThat(out).containsPattern("crm-customers\\s+SCHEMA_CONSTRAINT\\s+open\\s+2")
                .containsPattern("crm-customers\\s+REQUIRED_MISSING\\s+open\\s+1")
                .contains("C000053", "C000077", "C000099").doesNotContain("ada(at)example.com");
        assertThat(run("quarantine", "list", "--store", url, "--reason", "REQUIRED_MISSING")).contains("C000077").doesNotContain("C000053");
    }

    @Test
    void showMasksPiiUnlessAskedToRevealIt() {
        long id = id("C000053");

        String masked = run("quarantine", "show", String.valueOf(id), "--store", url, "--contract", contract);
        String revealed = run("quarantine", "show", String.valueOf(id), "--store", url, "--contract", contract, "--show-pii");

        assertThat(masked).contains("PII masked", "SCHEMA_CONSTRAINT at $.email", "\"full_name\":\"Ada\"", "state          open")
                .doesNotContain("ada(at)example.com");
        assertThat(revealed).contains("ada(at)example.com").doesNotContain("PII masked");
    }

    @Test
    void discardRecordsWhoAndWhyAndLeavesOtherEntriesOpen() {
        long id = id("C000077");

        String out = run("quarantine", "discard", String.valueOf(id), "--store", url, "--reason", "a test customer", "--by", "otto");

        assertThat(out).contains("discarded 1 of 1 entries");
        QuarantineLog.Stored discarded = store.inTransaction(c -> store.quarantine().find(c, id)).orElseThrow();
        assertThat(discarded.state()).isEqualTo(QuarantineLog.DISCARDED);
        assertThat(discarded.actedBy()).isEqualTo("otto");
        assertThat(discarded.note()).isEqualTo("a test customer");
        assertThat(run("quarantine", "list", "--store", url)).doesNotContain("C000077");
        assertThat(run("quarantine", "list", "--store", url, "--state", "discarded")).contains("C000077");
    }

    @Test
    void replayStartsAWorkflowOnTheWorkerForTheNamedEntriesAndSkipsDiscardedOnes() throws Exception {
        long replayed = id("C000053");
        long discarded = id("C000077");
        store.inTransaction(c -> store.quarantineActions().discard(c, List.of(discarded), "otto", "test"));
        int port = freePort();
        TestServer.PortBoundTestServer server = TestServer.createPortBoundServer(port, false);
        WorkflowServiceStubs service = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
                .setTarget("127.0.0.1:" + port).build());
        SearchAttributeRegistration.register(service, "default");
        WorkerFactory workers = WorkerFactory.newInstance(WorkflowClient.newInstance(service, WorkflowClientOptions.newBuilder()
                .setDataConverter(AccordDataConverter.create(dev.accord.cli.TemporalConnection.payloadProtection())).build()));
        workers.newWorker(TaskQueues.ACCORD).registerWorkflowImplementationTypes(RecordingReplay.class);
        workers.start();
        try {
            String out = run("quarantine", "replay", String.valueOf(replayed), String.valueOf(discarded), "--store", url,
                    "--temporal", "127.0.0.1:" + port, "--by", "otto", "--wait", "--contract", contract);

            assertThat(out).containsPattern("started quarantine-replay/crm-customers/\\d{8}T\\d{6}")
                    .contains("skipping " + discarded + ": discarded by otto").contains("crm-customers: finished, 1 entries");
            assertThat(RecordingReplay.INPUTS).singleElement().satisfies(input -> {
                assertThat(input.flow()).isEqualTo("crm-customers");
                assertThat(input.ids()).containsExactly(replayed);
                assertThat(input.requestedBy()).isEqualTo("otto");
            });
        } finally {
            workers.shutdownNow();
            service.shutdownNow();
            server.close();
        }
    }

    /** Stands in for the worker's replay: records its input. */
    public static class RecordingReplay implements QuarantineReplayWorkflow {
        static final List<QuarantineReplayInput> INPUTS = new CopyOnWriteArrayList<>();

        @Override
        public QuarantineReplayResult run(QuarantineReplayInput input) {
            INPUTS.add(input);
            return new QuarantineReplayResult(input.flow(), "run-1", "finished", 1, input.ids().size(),
                    Map.of("entries:replayed", (long) input.ids().size()));
        }

        @Override
        public QuarantineReplayResult progress() {
            return null;
        }
    }

    private long id(String key) {
        return store.inTransaction(c -> store.quarantine().list(c, new dev.accord.store.QuarantineFilter(null, null, null, key), 1))
                .get(0).id();
    }

    private static QuarantineLog.Entry entry(String key, String reason, String path, String message, String payload) {
        return new QuarantineLog.Entry("crm-customers", "crm", "customer", key, "crm|customer|1|" + key, reason, path, message, payload,
                "sync/crm-customers", "run-1", 1);
    }

    private static String run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertThat(AccordCli.commandLine().execute(args)).as(String.join(" ", args)).isZero();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
