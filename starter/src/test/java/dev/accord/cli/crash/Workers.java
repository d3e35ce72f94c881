package dev.accord.cli.crash;

import dev.accord.workflows.codec.PayloadKey;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The crash test's worker: one {@code accord worker} JVM at a time, connected to the separate Temporal
 * server, with the Accord store in PostgreSQL and a deployment id of its own per start. Killed with SIGKILL
 * and started again as often as the test likes; each start logs to {@code worker-<n>.log}.
 */
final class Workers implements AutoCloseable {

    static final String READY = "Accord worker running on task queue";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Path jar;
    private final Path dir;
    private final Path contract;
    private final Map<String, String> environment;
    private final String deploymentPrefix;
    private AccordProcess current;
    private int starts;
    private int kills;
    private double startSeconds;

    Workers(Path jar, Path dir, Path contract, String temporalAddress, String payloadKey, CrashSystems systems) {
        this.jar = jar;
        this.dir = dir;
        this.contract = contract;
        this.deploymentPrefix = systems.id;
        this.environment = new LinkedHashMap<>(systems.connectionEnvironment());
        environment.put("TEMPORAL_ADDRESS", temporalAddress);
        environment.put(PayloadKey.ENVIRONMENT, payloadKey);
        environment.put("ACCORD_STORE_URL", systems.storeUrl());
        environment.put("ACCORD_STORE_USER", "postgres");
        environment.put("ACCORD_STORE_PASSWORD", "");
        environment.put("ACCORD_HTTP_PORT", "0");
        environment.put("ACCORD_FRESHNESS_CHECKS", "off");
    }

    /** Starts a worker and waits until it polls the task queue. */
    AccordProcess start() throws InterruptedException {
        starts++;
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.put("ACCORD_DEPLOYMENT_ID", deploymentPrefix + "-worker-" + starts);
        long began = System.nanoTime();
        current = AccordProcess.start("worker #" + starts, jar, dir, dir.resolve("worker-" + starts + ".log"), env,
                List.of("-Xmx1g"), "worker", "--contract", contract.toAbsolutePath().toString());
        current.awaitOutput(READY, START_TIMEOUT);
        startSeconds += (System.nanoTime() - began) / 1e9;
        return current;
    }

    /** SIGKILL the running worker; returns once it is gone. */
    void kill() throws InterruptedException {
        current.kill();
        kills++;
    }

    AccordProcess current() {
        return current;
    }

    int kills() {
        return kills;
    }

    int starts() {
        return starts;
    }

    double averageStartSeconds() {
        return starts == 0 ? 0 : startSeconds / starts;
    }

    @Override
    public void close() {
        if (current != null) {
            current.killQuietly();
        }
    }
}
