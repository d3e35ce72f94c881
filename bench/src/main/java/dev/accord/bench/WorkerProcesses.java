package dev.accord.bench;

import dev.accord.workflows.AccordDataConverter;
import dev.accord.workflows.codec.PayloadKey;
import dev.accord.workflows.codec.PayloadKeyring;
import dev.accord.workflows.codec.PayloadProtection;
import dev.accord.workflows.codec.PiiNames;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Accord as a deployment with several workers runs it, on this machine: the Temporal test server in a process
 * of its own ({@code accord temporal}), N worker processes ({@code accord worker}) against it with one store,
 * one contract and one payload key, and a client for the harness. Each process logs to a file in {@code dir}.
 */
final class WorkerProcesses implements AutoCloseable {

    /** What {@code accord worker} prints once it polls the task queue. */
    private static final String READY = "Accord worker running on task queue";
    /** What a worker logs once its HTTP port is open: on port 0 it takes a free one, and says which here. */
    private static final Pattern METRICS = Pattern.compile("metrics: http://127\\.0\\.0\\.1:(\\d+)/actuator/prometheus");
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final List<JavaProcess> processes = new ArrayList<>();
    private final List<JavaProcess> workers = new ArrayList<>();
    private final List<Integer> httpPorts = new ArrayList<>();
    private JavaProcess temporal;
    private WorkflowServiceStubs service;
    private WorkflowClient client;

    /**
     * Starts the server and {@code count} workers, and waits until every worker polls.
     *
     * @param environment the contract's connection variables and the store's {@code ACCORD_STORE_*}
     */
    static WorkerProcesses start(Path jar, Path dir, Path contract, Map<String, String> environment, int count, String name)
            throws InterruptedException {
        WorkerProcesses deployment = new WorkerProcesses();
        try {
            deployment.startAll(jar, dir, contract, environment, count, name);
            return deployment;
        } catch (RuntimeException | InterruptedException e) {
            deployment.close();
            throw e;
        }
    }

    private void startAll(Path jar, Path dir, Path contract, Map<String, String> environment, int count, String name)
            throws InterruptedException {
        int port = JavaProcess.freePort();
        temporal = started(JavaProcess.start("Temporal server", jar, dir.resolve(name + "-temporal.log"), Map.of(),
                "temporal", "--port", String.valueOf(port)));
        temporal.awaitPort(port, START_TIMEOUT);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        for (int i = 1; i <= count; i++) {
            Map<String, String> env = new LinkedHashMap<>(environment);
            env.put("TEMPORAL_ADDRESS", "127.0.0.1:" + port);
            env.put(PayloadKey.ENVIRONMENT, Base64.getEncoder().encodeToString(key));
            env.put("ACCORD_DEPLOYMENT_ID", name + "-w" + i);
            env.put("ACCORD_HTTP_PORT", "0");
            env.put("ACCORD_FRESHNESS_CHECKS", "off");
            workers.add(started(JavaProcess.start("worker " + i, jar, dir.resolve(name + "-worker-" + i + ".log"), env,
                    "worker", "--contract", contract.toAbsolutePath().toString())));
        }
        for (JavaProcess worker : workers) {
            worker.awaitOutput(READY, START_TIMEOUT);
            httpPorts.add(Integer.parseInt(worker.firstMatch(METRICS)));
        }
        service = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder().setTarget("127.0.0.1:" + port).build());
        client = WorkflowClient.newInstance(service, WorkflowClientOptions.newBuilder()
                .setDataConverter(AccordDataConverter.create(PayloadProtection.field(PiiNames.none(), PayloadKeyring.of(PayloadKey.of(key))))).build());
    }

    private JavaProcess started(JavaProcess process) {
        processes.add(process);
        return process;
    }

    WorkflowClient client() {
        return client;
    }

    /** Fails when the server or a worker has ended. */
    void checkAlive() {
        processes.forEach(p -> p.checkAlive("the backfill ended"));
    }

    double workerCpuSeconds() {
        return workers.stream().mapToDouble(JavaProcess::cpuSeconds).sum();
    }

    double temporalCpuSeconds() {
        return temporal.cpuSeconds();
    }

    /** Every worker's {@code /actuator/prometheus}, one text per worker. */
    List<String> scrapes() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        List<String> texts = new ArrayList<>();
        for (int port : httpPorts) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new BenchException("the worker on port " + port + " answered its scrape with " + response.statusCode());
            }
            texts.add(response.body());
        }
        return texts;
    }

    @Override
    public void close() {
        if (service != null) {
            service.shutdownNow();
        }
        // Workers first, all at once, then the server they would otherwise keep calling.
        workers.forEach(JavaProcess::requestStop);
        workers.forEach(JavaProcess::close);
        processes.forEach(JavaProcess::close);
    }
}
