package dev.accord.worker;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The worker application as {@code accord worker} runs it with no settings — its own Temporal server on a free
 * loopback port, an H2 store — over seeded H2 systems, and a client of its server built as the Temporal UI, the
 * {@code temporal} CLI or another SDK would be: Temporal's default JSON converter, no codec.
 */
final class EmbeddedWorker implements AutoCloseable {

    final CustomerSystems systems;
    final ConfigurableApplicationContext context;
    final WorkflowServiceStubs service;
    final WorkflowClient client;
    final String storeUrl;

    private EmbeddedWorker(CustomerSystems systems, ConfigurableApplicationContext context, WorkflowServiceStubs service, String storeUrl) {
        this.systems = systems;
        this.context = context;
        this.service = service;
        this.client = WorkflowClient.newInstance(service, WorkflowClientOptions.newBuilder().build());
        this.storeUrl = storeUrl;
    }

    /** Seeds {@code data} into H2 systems named after {@code id}, and starts the worker on the demo contract for H2. */
    static EmbeddedWorker start(String id, CustomerData data) throws IOException {
        CustomerSystems systems = CustomerSystems.inH2(id);
        data.seed(systems);
        String storeUrl = "jdbc:h2:mem:" + id + "_store;DB_CLOSE_DELAY=-1";
        int port = freePort();
        List<String> arguments = new ArrayList<>(List.of(
                "--accord.contract=" + SyncHarness.examples().resolve("demo/demo-h2.contract.yaml"),
                "--accord.temporal.address=",
                "--accord.temporal.embedded-port=" + port,
                "--accord.deployment-id=" + id,
                "--accord.payloads.embedded-key-file=" + Path.of(System.getProperty("java.io.tmpdir"), id, "payload.key"),
                "--spring.datasource.url=" + storeUrl));
        systems.environment().forEach((name, value) -> arguments.add("--" + name + "=" + value));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(AccordWorkerApplication.class).run(arguments.toArray(String[]::new));
        WorkflowServiceStubs service = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
                .setTarget("127.0.0.1:" + port).build());
        return new EmbeddedWorker(systems, context, service, storeUrl);
    }

    @Override
    public void close() {
        try {
            service.shutdownNow();
            context.close();
        } finally {
            systems.close();
            Db.h2(storeUrl).execute("shutdown");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
