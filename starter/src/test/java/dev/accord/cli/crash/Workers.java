package dev.accord.cli.crash;

import dev.accord.workflows.codec.PayloadKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The crash tests' workers: {@code accord worker} JVMs in numbered slots (one for the backfill crash test, three for
 * the stall test), connected to the separate Temporal server, with the Accord store in PostgreSQL and a deployment
 * id of their own per start. Killed with SIGKILL and started again, or frozen with SIGSTOP and woken with SIGCONT, as
 * often as a test likes; each start logs to {@code worker-<n>.log}.
 */
final class Workers implements AutoCloseable {

    static final String READY = "Accord worker running on task queue";
    /**
     * How long a started worker may take to be ready. A worker is ready in 25–40 s on the 2-core CI machine while the
     * others run; one started while that machine was also busy with other builds took more than 90 s, which failed both
     * stall scenarios for nothing. Readiness is waited for, not measured: a generous bound costs nothing when it is met.
     */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    private final Path jar;
    private final Path dir;
    private final Path contract;
    private final Map<String, String> environment;
    private final String deploymentPrefix;
    private final List<AccordProcess> slots = new ArrayList<>();
    private final List<String> deployments = new ArrayList<>();
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

    /** The log of the worker process that ran as {@code deployment}. */
    Path logOf(String deployment) {
        return dir.resolve("worker-" + deployment.substring(deployment.lastIndexOf('-') + 1) + ".log");
    }

    /** Starts (or starts again) the worker of slot 0 and waits until it polls the task queue. */
    AccordProcess start() throws InterruptedException {
        return start(0);
    }

    /** Starts (or starts again) the worker of {@code slot} and waits until it polls the task queue. */
    AccordProcess start(int slot) throws InterruptedException {
        starts++;
        String deployment = deploymentPrefix + "-worker-" + starts;
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.put("ACCORD_DEPLOYMENT_ID", deployment);
        long began = System.nanoTime();
        AccordProcess worker = AccordProcess.start("worker #" + starts, jar, dir, dir.resolve("worker-" + starts + ".log"), env,
                List.of("-Xmx1g"), "worker", "--contract", contract.toAbsolutePath().toString());
        while (slots.size() <= slot) {
            slots.add(null);
            deployments.add(null);
        }
        slots.set(slot, worker);
        deployments.set(slot, deployment);
        worker.awaitOutput(READY, START_TIMEOUT);
        startSeconds += (System.nanoTime() - began) / 1e9;
        return worker;
    }

    /** SIGKILL the worker of slot 0; returns once it is gone. */
    void kill() throws InterruptedException {
        kill(0);
    }

    /** SIGKILL the worker of {@code slot}; returns once it is gone. */
    void kill(int slot) throws InterruptedException {
        slots.get(slot).kill();
        kills++;
    }

    /** SIGSTOP: the worker of {@code slot} freezes as a long GC pause or a suspended VM would freeze it. */
    void stop(int slot) throws IOException, InterruptedException {
        signal("-STOP", slot);
    }

    /** SIGCONT: the frozen worker of {@code slot} carries on where it was. */
    void resume(int slot) throws IOException, InterruptedException {
        signal("-CONT", slot);
    }

    /** The worker's threads and what each is running now ({@code jcmd <pid> Thread.print}). */
    String threadDump(int slot) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process dump = new ProcessBuilder(jcmd.toString(), String.valueOf(slots.get(slot).pid()), "Thread.print")
                .redirectErrorStream(true).start();
        byte[] output = dump.getInputStream().readAllBytes();
        dump.waitFor(30, TimeUnit.SECONDS);
        return new String(output, StandardCharsets.UTF_8);
    }

    private void signal(String signal, int slot) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", signal, String.valueOf(slots.get(slot).pid())).redirectErrorStream(true).start();
        if (kill.waitFor() != 0) {
            throw new AssertionError("kill " + signal + " " + slots.get(slot).pid() + ": "
                    + new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    AccordProcess current() {
        return slots.get(0);
    }

    AccordProcess slot(int slot) {
        return slots.get(slot);
    }

    /** The deployment id the worker of {@code slot} runs under now (fenced attempts name it as their holder). */
    String deployment(int slot) {
        return deployments.get(slot);
    }

    int size() {
        return slots.size();
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
        for (AccordProcess worker : slots) {
            if (worker != null) {
                try {
                    signal("-CONT", slots.indexOf(worker));
                } catch (IOException | InterruptedException | AssertionError e) {
                    // it is killed next anyway
                }
                worker.killQuietly();
            }
        }
    }
}
