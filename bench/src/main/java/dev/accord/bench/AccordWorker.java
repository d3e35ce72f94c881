package dev.accord.bench;

import dev.accord.worker.AccordWorkerApplication;
import io.temporal.client.WorkflowClient;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The Accord worker in this process, as {@code accord worker} runs it: the Spring Boot application with the
 * in-process Temporal test server on a free port, the store in PostgreSQL, and the benchmark's contract.
 * Everything else (metrics, tracing, resilience) keeps the worker's defaults.
 */
final class AccordWorker implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private AccordWorker(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static AccordWorker start(Path contract, Map<String, String> connections, String storeUrl) {
        Map<String, Object> properties = new LinkedHashMap<>(connections);
        properties.put("accord.contract", contract.toAbsolutePath().toString());
        properties.put("accord.temporal.address", "");
        properties.put("accord.temporal.embedded-port", JavaProcess.freePort());
        properties.put("accord.deployment-id", "bench");
        properties.put("accord.freshness.checks", "off");
        properties.put("spring.datasource.url", storeUrl);
        properties.put("spring.datasource.username", "postgres");
        properties.put("spring.datasource.password", "");
        properties.put("server.port", 0);
        properties.put("spring.main.log-startup-info", "false");
        properties.put("logging.level.dev.accord", "WARN");
        // Spring Batch is on the class path for the baseline only; the worker has no jobs.
        properties.put("spring.autoconfigure.exclude", "org.springframework.boot.autoconfigure.batch.BatchAutoConfiguration");
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new AccordWorker(new SpringApplicationBuilder(AccordWorkerApplication.class).run(arguments));
    }

    WorkflowClient client() {
        return context.getBean(WorkflowClient.class);
    }

    @Override
    public void close() {
        context.close();
    }
}
