package dev.accord.cli.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.activities.AccordActivities;
import dev.accord.cli.AccordCli;
import dev.accord.cli.PersonContract;
import dev.accord.connectors.ConnectorFactory;
import dev.accord.connectors.SourceConnector;
import dev.accord.connectors.TargetConnector;
import dev.accord.connectors.jdbc.JdbcConnectors;
import dev.accord.core.contract.Contract;
import dev.accord.core.contract.ContractLoader;
import dev.accord.engine.Engine;
import dev.accord.engine.WorkerIdentity;
import dev.accord.store.AccordStore;
import dev.accord.worker.EmbeddedTemporal;
import dev.accord.workflows.AccordDataConverter;
import dev.accord.workflows.TaskQueues;
import dev.accord.workflows.rollback.RollbackWorkflowImpl;
import dev.accord.workflows.sync.SyncInput;
import dev.accord.workflows.sync.SyncResult;
import dev.accord.workflows.sync.SyncWorkflow;
import dev.accord.workflows.sync.SyncWorkflowImpl;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * {@code accord rollback flow} as an operator types it: the command runs in-process against a Temporal
 * server on a local port (the embedded server, as {@code accord temporal} runs it), where a worker with
 * every Accord workflow and activity polls, syncing a CRM table into a support desk's table on the local
 * PostgreSQL, with the Accord store in a schema of its own.
 */
class RollbackCommandIT {

    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String FLOW = "crm-to-desk";

    private final String id = "hr_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private EmbeddedTemporal temporal;
    private WorkflowServiceStubs service;
    private WorkflowClient client;
    private WorkerFactory workers;
    private JdbcConnectors connectors;

    @BeforeEach
    void setUp(@TempDir Path dir) throws IOException {
        execute("create schema " + id, "create schema " + id + "_store",
                "create table " + id + ".crm_people (id varchar(16) primary key, full_name varchar(200), email varchar(254),"
                        + " updated_at timestamp(6) not null)",
                "create table " + id + ".desk_contacts (customer_id varchar(16) primary key, display_name varchar(200),"
                        + " email varchar(254), row_version bigint not null)");
        Contract contract = new ContractLoader().load(PersonContract.write(dir, "rollback-cli", id));
        PGSimpleDataSource storeSource = new PGSimpleDataSource();
        String storeUrl = POSTGRES + "?currentSchema=" + id + "_store";
        storeSource.setURL(storeUrl);
        storeSource.setUser("postgres");
        AccordStore store = AccordStore.open(storeSource, storeUrl);
        connectors = new JdbcConnectors(contract, Map.of("CRM_URL", POSTGRES, "DESK_URL", POSTGRES, "DB_USER", "postgres")::get);
        ConnectorFactory factory = new ConnectorFactory() {
            @Override
            public SourceConnector source(String system, String domain) {
                return connectors.source(system, domain);
            }

            @Override
            public TargetConnector target(String system, String domain) {
                return connectors.target(system, domain);
            }
        };
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        temporal = new EmbeddedTemporal(port);
        service = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder().setTarget("127.0.0.1:" + port).build());
        client = WorkflowClient.newInstance(service,
                WorkflowClientOptions.newBuilder().setDataConverter(AccordDataConverter.create(dev.accord.cli.TemporalConnection.payloadProtection())).build());
        workers = WorkerFactory.newInstance(client);
        Worker worker = workers.newWorker(TaskQueues.ACCORD);
        worker.registerWorkflowImplementationTypes(SyncWorkflowImpl.class, RollbackWorkflowImpl.class);
        worker.registerActivitiesImplementations(AccordActivities.all(Engine.of(contract, store, factory, new WorkerIdentity("test", "it"))).toArray());
        workers.start();
    }

    @AfterEach
    void tearDown() {
        try {
            if (workers != null) {
                workers.shutdownNow();
                service.shutdownNow();
                temporal.close();
            }
            if (connectors != null) {
                connectors.close();
            }
        } finally {
            execute("drop schema if exists " + id + " cascade", "drop schema if exists " + id + "_store cascade");
        }
    }

    @Test
    void rollbackFlowSinceARunRevertsThatRunAndLaterOnesAndReportsItOnTheConsole() throws Exception {
        LocalDateTime earlier = LocalDateTime.now(ZoneOffset.UTC).minusMinutes(5);
        for (int i = 1; i <= 5; i++) {
            execute("insert into " + id + ".crm_people values ('C00000" + i + "', 'Person " + i + "', 'p" + i + "@example.com', '"
                    + earlier.plusSeconds(i) + "')");
        }
        SyncResult first = sync();
        Map<String, String> afterFirst = deskNames();
        execute("update " + id + ".crm_people set full_name = full_name || ' (renamed)', updated_at = '"
                + LocalDateTime.now(ZoneOffset.UTC) + "' where id in ('C000002', 'C000004')");
        SyncResult second = sync();
        assertThat(deskNames()).containsEntry("C000002", "Person 2 (renamed)").containsEntry("C000004", "Person 4 (renamed)");

        String out = cli("rollback", "flow", FLOW, "--since", second.runId(), "--temporal", temporalAddress());

        assertThat(out).contains("rolling back with rollback/" + FLOW + "/" + second.runId())
                .contains("rolled-back: 1 run(s), 2 rows restored, 0 already restored before")
                .doesNotContain("left alone");
        assertThat(deskNames()).isEqualTo(afterFirst);
        assertThat(changeLogStatuses(second.runId())).containsOnly("reverted").hasSize(2);
        assertThat(changeLogStatuses(first.runId())).containsOnly("applied").hasSize(5);

        String again = cli("rollback", "flow", FLOW, "--since", second.runId(), "--temporal", temporalAddress());

        assertThat(again).contains("rolled-back: 1 run(s), 0 rows restored, 2 already restored before");
        assertThat(deskNames()).isEqualTo(afterFirst);
    }

    private SyncResult sync() {
        SyncWorkflow workflow = client.newWorkflowStub(SyncWorkflow.class, WorkflowOptions.newBuilder()
                .setTaskQueue(TaskQueues.ACCORD).setWorkflowId(TaskQueues.syncWorkflowId(FLOW)).build());
        SyncResult result = workflow.run(SyncInput.of(FLOW).withMode("one-shot"));
        assertThat(result.state()).isEqualTo("finished");
        return result;
    }

    private String temporalAddress() {
        return "127.0.0.1:" + temporal.port();
    }

    /** Runs the command line in-process; the rollback command prints its report on standard output. */
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

    private Map<String, String> deskNames() {
        Map<String, String> names = new TreeMap<>();
        query("select customer_id, display_name from " + id + ".desk_contacts", r -> names.put(r.getString(1), r.getString(2)));
        return names;
    }

    private List<String> changeLogStatuses(String runId) {
        List<String> statuses = new ArrayList<>();
        query("select status from " + id + "_store.change_log where run_id = '" + runId + "'", r -> statuses.add(r.getString(1)));
        return statuses;
    }

    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private static void query(String sql, RowReader reader) {
        try (Connection connection = DriverManager.getConnection(POSTGRES, "postgres", "");
             PreparedStatement statement = connection.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                reader.read(rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("test query failed: " + sql, e);
        }
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
