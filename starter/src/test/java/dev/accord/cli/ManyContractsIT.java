package dev.accord.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accord.worker.AccordWorkerApplication;
import dev.accord.worker.EmbeddedTemporal;
import dev.accord.workflows.AccordDataConverter;
import dev.accord.workflows.sync.SyncResult;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two contracts in one Temporal namespace and one PostgreSQL database, as two teams run them: each has its own worker
 * (the real worker application, in-process), task queue ({@code accord} and {@code team-b}) and store schema, and both
 * name their flow {@code crm-to-desk}. Their syncs, started with the CLI at the same time, run side by side; each
 * store holds only its own runs, golden records and change log, and {@code accord runs list} with each contract's
 * settings shows only that contract's runs. A sync on one contract's queue waits for that contract's workers: another
 * contract's worker never runs it.
 */
class ManyContractsIT {

    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String FLOW = "crm-to-desk";

    private final String id = "hq2_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    private final Team a = new Team("a", "accord", id + "_a", id + "_store_a");
    private final Team b = new Team("b", "team-b", id + "_b", id + "_store_b");
    private EmbeddedTemporal temporal;
    private final List<ConfigurableApplicationContext> workers = new ArrayList<>();
    private Path dir;

    /** One contract's settings: its systems' schema, its store schema and its task queue. */
    private record Team(String name, String taskQueue, String systems, String store) {}

    @BeforeEach
    void startTwoWorkers(@TempDir Path dir) throws IOException {
        this.dir = dir;
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        temporal = new EmbeddedTemporal(port);
        for (Team team : List.of(a, b)) {
            execute("create schema " + team.systems(),
                    "create table " + team.systems() + ".crm_people (id varchar(16) primary key, full_name varchar(200),"
                            + " email varchar(254), updated_at timestamp(6) not null)",
                    "create table " + team.systems() + ".desk_contacts (customer_id varchar(16) primary key,"
                            + " display_name varchar(200), email varchar(254), row_version bigint not null)");
            workers.add(startWorker(dir.resolve(team.name()), team));
        }
    }

    @AfterEach
    void stopWorkers() {
        try {
            workers.forEach(ConfigurableApplicationContext::close);
            if (temporal != null) {
                temporal.close();
            }
        } finally {
            for (Team team : List.of(a, b)) {
                execute("drop schema if exists " + team.systems() + " cascade", "drop schema if exists " + team.store() + " cascade");
            }
        }
    }

    @Test
    void twoContractsRunAtOnceAndEachStoreAndRunListHoldsOnlyItsOwn() throws Exception {
        seed(a, 5);
        seed(b, 3);

        String startedA = cli("sync", "start", FLOW, "--temporal", address(), "--task-queue", a.taskQueue(), "--contract", contract(a));
        String startedB = cli("sync", "start", FLOW, "--temporal", address(), "--task-queue", b.taskQueue(), "--contract", contract(b));
        SyncResult resultA = result("sync/" + FLOW, 60);
        SyncResult resultB = result("team-b/sync/" + FLOW, 60);

        assertThat(startedA).contains("started sync/" + FLOW + " ");
        assertThat(startedB).contains("started team-b/sync/" + FLOW + " ", "accord sync status " + FLOW + " --task-queue team-b");
        assertThat(resultA.state()).isEqualTo("finished");
        assertThat(resultB.state()).isEqualTo("finished");
        assertThat(deskNames(a)).containsOnlyKeys("C000001", "C000002", "C000003", "C000004", "C000005")
                .containsEntry("C000001", "Person a1");
        assertThat(deskNames(b)).containsOnlyKeys("C000001", "C000002", "C000003").containsEntry("C000001", "Person b1");

        assertThat(rows(a.store(), "select run_id, workflow_id, deployment_id from sync_run"))
                .containsExactly(List.of(resultA.runId(), "sync/" + FLOW, "worker-a"));
        assertThat(rows(b.store(), "select run_id, workflow_id, deployment_id from sync_run"))
                .containsExactly(List.of(resultB.runId(), "team-b/sync/" + FLOW, "worker-b"));
        assertThat(rows(a.store(), "select record_key from golden_record order by record_key")).hasSize(5);
        assertThat(rows(b.store(), "select record_key from golden_record order by record_key")).hasSize(3);
        assertThat(rows(a.store(), "select distinct run_id from change_log")).containsExactly(List.of(resultA.runId()));
        assertThat(rows(b.store(), "select distinct run_id from change_log")).containsExactly(List.of(resultB.runId()));
        assertThat(rows(a.store(), "select count(*) from change_log")).containsExactly(List.of("5"));
        assertThat(rows(b.store(), "select count(*) from change_log")).containsExactly(List.of("3"));

        String runsA = cli("runs", "list", "--store", POSTGRES, "--store-user", "postgres", "--store-schema", a.store());
        String runsB = cli("runs", "list", "--store", POSTGRES, "--store-user", "postgres", "--store-schema", b.store());

        assertThat(runsA).contains(resultA.runId(), "sync/" + FLOW).doesNotContain(resultB.runId(), "team-b/");
        assertThat(runsB).contains(resultB.runId(), "team-b/sync/" + FLOW).doesNotContain(resultA.runId());
    }

    @Test
    void aSyncOnOneContractsQueueWaitsForItsWorkersAndNeverRunsOnAnothers() {
        seed(b, 2);
        workers.get(1).close();

        cli("sync", "start", FLOW, "--temporal", address(), "--task-queue", b.taskQueue(), "--contract", contract(b));

        assertThatThrownBy(() -> result("team-b/sync/" + FLOW, 3)).as("team-b's sync, with only team a's worker up")
                .isInstanceOf(TimeoutException.class);
        assertThat(rows(a.store(), "select count(*) from sync_run")).containsExactly(List.of("0"));
        assertThat(rows(a.store(), "select count(*) from golden_record")).containsExactly(List.of("0"));
        assertThat(deskNames(a)).isEmpty();
        assertThat(deskNames(b)).isEmpty();
    }

    /** The contract file a team's worker runs (as {@link PersonContract#write} names it), for the CLI's flow check. */
    private String contract(Team team) {
        return dir.resolve(team.name()).resolve("team-" + team.name() + ".contract.yaml").toString();
    }

    private ConfigurableApplicationContext startWorker(Path dir, Team team) throws IOException {
        Path contract = PersonContract.write(dir, "team-" + team.name(), team.systems());
        return new SpringApplicationBuilder(AccordWorkerApplication.class).run(
                "--accord.contract=" + contract,
                "--accord.temporal.address=" + address(),
                "--ACCORD_PAYLOAD_KEYS=" + java.util.Base64.getEncoder().encodeToString(new byte[32]),
                "--accord.task-queue=" + team.taskQueue(),
                "--accord.store.schema=" + team.store(),
                "--accord.deployment-id=worker-" + team.name(),
                "--accord.freshness.checks=off",
                "--spring.datasource.url=" + POSTGRES,
                "--spring.datasource.username=postgres",
                "--spring.datasource.hikari.maximum-pool-size=4",
                "--server.port=0",
                "--CRM_URL=" + POSTGRES, "--DESK_URL=" + POSTGRES, "--DB_USER=postgres");
    }

    private void seed(Team team, int people) {
        LocalDateTime earlier = LocalDateTime.now(ZoneOffset.UTC).minusMinutes(5);
        for (int i = 1; i <= people; i++) {
            execute("insert into " + team.systems() + ".crm_people values ('C00000" + i + "', 'Person " + team.name() + i + "', 'p" + i
                    + "@" + team.name() + ".example.com', '" + earlier.plusSeconds(i) + "')");
        }
    }

    private SyncResult result(String workflowId, int seconds) throws TimeoutException {
        WorkflowServiceStubs service = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
                .setTarget(address()).build());
        try {
            WorkflowClient client = WorkflowClient.newInstance(service, WorkflowClientOptions.newBuilder()
                    .setDataConverter(AccordDataConverter.create(dev.accord.cli.TemporalConnection.payloadProtection())).build());
            return client.newUntypedWorkflowStub(workflowId).getResult(seconds, TimeUnit.SECONDS, SyncResult.class);
        } finally {
            service.shutdownNow();
        }
    }

    private String address() {
        return "127.0.0.1:" + temporal.port();
    }

    /** Runs the command line in-process; the commands print on standard output. */
    private static String cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream console = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int exitCode;
        try {
            exitCode = AccordCli.commandLine().execute(args);
        } finally {
            System.setOut(console);
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(exitCode).as("exit code of accord %s; printed: %s", String.join(" ", args), printed).isZero();
        return printed;
    }

    private static Map<String, String> deskNames(Team team) {
        Map<String, String> names = new TreeMap<>();
        rows(team.systems(), "select customer_id, display_name from desk_contacts").forEach(r -> names.put(r.get(0), r.get(1)));
        return names;
    }

    /** The rows of a query run in {@code schema}, every value as text. */
    private static List<List<String>> rows(String schema, String sql) {
        List<List<String>> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(POSTGRES + "?currentSchema=" + schema, "postgres", "");
             Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int c = 1; c <= columns; c++) {
                    row.add(result.getString(c));
                }
                rows.add(row);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("test query failed: " + sql, e);
        }
        return rows;
    }

    private static void execute(String... statements) {
        try (Connection connection = DriverManager.getConnection(POSTGRES, "postgres", ""); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("test SQL failed: " + String.join("; ", statements), e);
        }
    }
}
