package dev.accord.cli.demo;

import dev.accord.connectors.ConnectorFactory;
import dev.accord.core.contract.Contract;
import dev.accord.store.AccordStore;
import dev.accord.store.Checkpoints;
import dev.accord.worker.AccordWorkerApplication;
import dev.accord.workflows.TaskQueues;
import io.temporal.client.WorkflowClient;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code accord demo}: a real sync, end to end, on a fresh machine with nothing but Java. Creates three
 * systems in embedded H2 databases, seeds them with conflicting, stale, duplicate and invalid data, starts
 * the worker with an in-process Temporal server, and runs the flows as workflows: a first sync, a day of
 * changes, and a replay from the beginning. Prints what was decided and proves that every system now
 * agrees with the golden records.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run a real sync end to end on embedded databases, a local support-desk API and an in-process Temporal server.",
            "Everything lives under --dir (default .accord/demo) and is recreated on every run."})
public final class DemoCommand implements Callable<Integer> {

    static final List<String> FLOWS = List.of("crm-customers", "billing-customers", "support-customers");

    @Option(names = "--customers", defaultValue = "10000", description = "Customers in the CRM (default: ${DEFAULT-VALUE}).")
    int customers;

    @Option(names = "--dir", defaultValue = ".accord/demo", description = "Working folder (default: ${DEFAULT-VALUE}).")
    Path folder;

    @Option(names = "--port", defaultValue = "7233", description = "Port of the embedded Temporal server; another free port is used when it is taken (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--keep-running", description = "Keep the worker and its Temporal server up afterwards, for the Temporal CLI or UI.")
    boolean keepRunning;

    private final PrintStream out = System.out;

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        DemoFiles files = DemoFiles.prepare(folder);
        try (DemoSystems systems = new DemoSystems(files.folder())) {
            systems.create();
            return run(files, systems, started);
        }
    }

    private int run(DemoFiles files, DemoSystems systems, long started) throws Exception {
        new DemoData(customers).seed(systems);
        int temporalPort = freePort(port);
        out.printf("Seeded %d CRM customers and %d billing accounts under %s, %d support contacts behind the support desk's API at %s%n",
                customers, new DemoData(customers).billingCustomers() + 20, files.folder(), new DemoData(customers).supportCustomers(),
                systems.support().baseUrl());
        try (ConfigurableApplicationContext worker = startWorker(files, systems, temporalPort)) {
            out.printf("Worker up; embedded Temporal server on 127.0.0.1:%d, task queue 'accord'%n", temporalPort);
            long differing = runScenario(worker, systems);
            out.printf("%nDemo finished in %.1f s.%n", (System.nanoTime() - started) / 1e9);
            printHints(temporalPort);
            if (keepRunning) {
                out.println("Worker keeps running (--keep-running); Ctrl-C to stop.");
                Thread.currentThread().join();
            }
            return differing == 0 ? 0 : 1;
        }
    }

    private long runScenario(ConfigurableApplicationContext worker, DemoSystems systems) throws Exception {
        FlowRunner runner = new FlowRunner(worker.getBean(WorkflowClient.class));
        AccordStore store = worker.getBean(AccordStore.class);
        List<FlowRunner.Run> runs = new ArrayList<>(runner.run("1. first sync", FLOWS));
        new DemoScenario(customers).apply(systems);
        runs.addAll(runner.run("2. a day later", FLOWS));
        rewind(store, "crm-customers");
        runs.addAll(runner.run("3. replay from start", List.of("crm-customers")));
        DemoReport report = new DemoReport(out);
        report.runs(runs);
        report.quarantine(store);
        report.history(store, DemoData.key(10));
        report.supportDesk(systems.support().statuses(), DemoScenario.CONFLICTED);
        List<String> keys = IntStream.rangeClosed(1, customers).mapToObj(DemoData::key).toList();
        long differing = new ConsistencyCheck(worker.getBean(Contract.class), worker.getBean(AccordStore.class),
                worker.getBean(ConnectorFactory.class), out).check(keys);
        out.println(differing == 0 ? "All systems agree with the golden records." : differing + " rows disagree — see above.");
        return differing;
    }

    /** Replays a flow from the beginning: every change comes again and must be recognised as a duplicate. */
    private static void rewind(AccordStore store, String flow) {
        store.inTransaction(c -> {
            Checkpoints.Checkpoint at = store.checkpoints().load(c, flow).orElseThrow();
            store.checkpoints().save(c, new Checkpoints.Checkpoint(flow, null, null, at.headPosition(), at.headKey(),
                    at.workflowId(), at.runId(), 0, null));
            return null;
        });
    }

    private ConfigurableApplicationContext startWorker(DemoFiles files, DemoSystems systems, int temporalPort) {
        Map<String, Object> properties = new java.util.LinkedHashMap<>(systems.environment());
        properties.put("accord.contract", files.contract().toString());
        properties.put("accord.temporal.address", "");
        properties.put("accord.temporal.embedded-port", temporalPort);
        properties.put("accord.deployment-id", "demo");
        // The demo is self-contained: its own server, its own H2 store, whatever ACCORD_TASK_QUEUE and ACCORD_STORE_SCHEMA say.
        properties.put("accord.task-queue", TaskQueues.ACCORD);
        properties.put("accord.store.schema", "");
        // Its own payload key beside its store (unless ACCORD_PAYLOAD_KEYS is set): PII values in histories are encrypted with it.
        properties.put("accord.payloads.embedded-key-file", files.folder().resolve("payload.key").toAbsolutePath());
        // A little above the desk's quota, so bursts meet its 429s and Retry-After, as with a real SaaS API.
        properties.put("accord.resilience.systems.support.rate-per-second", DemoSystems.SUPPORT_QUOTA + 100);
        properties.put("spring.main.log-startup-info", "false");
        properties.put("logging.level.dev.accord", "WARN");
        properties.put("spring.datasource.url", "jdbc:h2:file:" + files.folder().resolve("store").toAbsolutePath() + ";AUTO_SERVER=TRUE");
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new SpringApplicationBuilder(AccordWorkerApplication.class).run(arguments);
    }

    private void printHints(int temporalPort) {
        out.println();
        out.println("Look closer:");
        out.printf("  ./accord explain customer %s --show-pii --store 'jdbc:h2:file:%s/store;AUTO_SERVER=TRUE' --contract %s%n",
                DemoData.key(10), folder.toAbsolutePath(), folder.toAbsolutePath().resolve("contract/demo/demo.contract.yaml"));
        out.println("  ./accord demo --keep-running        keeps the worker and Temporal up, then in another shell:");
        out.printf("  temporal workflow show --workflow-id sync/crm-customers --address 127.0.0.1:%d%n", temporalPort);
        out.printf("  ACCORD_PAYLOAD_KEY_FILE=%s ./accord sync start crm-customers --wait --temporal 127.0.0.1:%d --contract %s%n",
                folder.toAbsolutePath().resolve("payload.key"), temporalPort, folder.toAbsolutePath().resolve("contract/demo/demo.contract.yaml"));
        out.println("  The store, the CRM and billing are H2 databases under " + folder + " (tables field_history,");
        out.println("  change_log, quarantine, golden_record, sync_run) — open them with any JDBC client; with");
        out.println("  --keep-running the support desk's API stays up too (GET /api/contacts, bearer " + DemoSystems.SUPPORT_TOKEN + ").");
    }

    private static int freePort(int preferred) throws IOException {
        try (ServerSocket socket = new ServerSocket(preferred)) {
            return preferred;
        } catch (IOException taken) {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }
    }

    /** The demo's working folder, emptied, with the demo contract and its schema copied out of the jar. */
    record DemoFiles(Path folder, Path contract) {

        static DemoFiles prepare(Path folder) throws IOException {
            Path absolute = folder.toAbsolutePath();
            if (Files.exists(absolute)) {
                try (var paths = Files.walk(absolute)) {
                    paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            Files.createDirectories(absolute.resolve("contract/demo"));
            Files.createDirectories(absolute.resolve("contract/schemas"));
            copy("examples/demo/demo.contract.yaml", absolute.resolve("contract/demo/demo.contract.yaml"));
            copy("examples/schemas/customer.schema.json", absolute.resolve("contract/schemas/customer.schema.json"));
            return new DemoFiles(absolute, absolute.resolve("contract/demo/demo.contract.yaml"));
        }

        private static void copy(String resource, Path to) throws IOException {
            try (var in = DemoCommand.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IOException("the demo contract is missing from the jar: " + resource);
                }
                Files.copy(in, to);
            }
        }
    }
}
