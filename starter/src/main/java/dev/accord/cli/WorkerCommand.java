package dev.accord.cli;

import dev.accord.worker.AccordProperties;
import dev.accord.worker.AccordWorkerApplication;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the worker in the foreground until interrupted. */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = {
            "Runs the Accord worker: the sync workflows and activities for one contract.",
            "Without TEMPORAL_ADDRESS it starts an embedded Temporal server on 127.0.0.1:7233 and keeps",
            "its store in ./.accord; set ACCORD_STORE_URL for a PostgreSQL store. Connection variables",
            "named in the contract (e.g. CRM_JDBC_URL) are read from the environment.",
            "Several contracts share one Temporal namespace and one PostgreSQL database with a task",
            "queue and a store schema each (--task-queue, --store-schema; see docs/deploy.md).",
            "Payloads in Temporal are readable JSON with PII values encrypted (ACCORD_PAYLOADS_ENCRYPTION=field,",
            "or =payload to encrypt them whole). Keys: ACCORD_PAYLOAD_KEYS (base64, comma-separated, the first",
            "encrypts, the others still decrypt) or ACCORD_PAYLOAD_KEY_FILE (one key per line); with",
            "TEMPORAL_ADDRESS one of them is required, the embedded mode makes .accord/payload.key itself."
        })
public final class WorkerCommand implements Callable<Integer> {

    @Option(names = "--contract", paramLabel = "FILE", description = "The sync contract (default: $ACCORD_CONTRACT or examples/customers.contract.yaml).")
    Path contract;

    @Option(names = "--port", description = "Port of the embedded Temporal server (default 7233).")
    Integer port;

    @Option(names = "--task-queue", paramLabel = "QUEUE", description = "This contract's task queue (default: $ACCORD_TASK_QUEUE or accord).")
    String taskQueue;

    @Option(names = "--store-schema", paramLabel = "SCHEMA",
            description = "This contract's schema in a PostgreSQL store, created if missing (default: $ACCORD_STORE_SCHEMA, or the connection's default).")
    String storeSchema;

    @Override
    public Integer call() throws InterruptedException {
        List<String> args = new ArrayList<>();
        if (contract != null) {
            args.add("--accord.contract=" + contract.toAbsolutePath());
        }
        if (port != null) {
            args.add("--accord.temporal.embedded-port=" + port);
        }
        if (taskQueue != null) {
            args.add("--accord.task-queue=" + taskQueue);
        }
        if (storeSchema != null) {
            args.add("--accord.store.schema=" + storeSchema);
        }
        ConfigurableApplicationContext context = SpringApplication.run(AccordWorkerApplication.class, args.toArray(String[]::new));
        System.out.println("Accord worker running on task queue '" + context.getBean(AccordProperties.class).taskQueue() + "' (Ctrl-C to stop)");
        while (context.isRunning()) {
            Thread.sleep(1000);
        }
        return 0;
    }
}
