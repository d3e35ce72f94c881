package dev.accord.bench;

import dev.accord.bench.Results.Cpu;
import dev.accord.bench.Results.LockWaits;
import dev.accord.bench.Results.Scaling;
import dev.accord.bench.Results.Throughput;
import dev.accord.workflows.TaskQueues;
import dev.accord.workflows.backfill.BackfillInput;
import dev.accord.workflows.backfill.BackfillResult;
import dev.accord.workflows.backfill.BackfillWorkflow;
import dev.accord.workflows.runs.RunLabels;
import dev.accord.workflows.runs.WorkflowStarts;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The PostgreSQL backfill with 1, 2, 3… worker processes ({@code --workers}): for each count, a fresh store
 * schema and target table, a Temporal test server of its own and that many {@code accord worker} JVMs from the
 * starter's jar; records/s, and what the workers cost the store in contention (lock waits, compare-and-set
 * conflicts, fenced attempts) and the machine in CPU. Every count's target must then hold what the raw
 * upsert wrote. Each process's log and each worker's last scrape ({@code scale<N>-worker-<i>.prom}) stay in
 * the run's folder.
 */
final class ScalingPhase {

    static final int MAX_WORKERS = 8;

    private final BenchDatabases databases;
    private final Path jar;
    private final Path dir;
    private final int rowsPerChunk;
    private final int parallelism;
    private final int batchSize;

    /** Copies {@code accordJar} into {@code dir} first: a build running meanwhile may rewrite the original. */
    ScalingPhase(BenchDatabases databases, Path accordJar, Path dir, int rowsPerChunk, int parallelism, int batchSize) throws IOException {
        if (!Files.isRegularFile(accordJar)) {
            throw new BenchException(accordJar.toAbsolutePath() + " is missing: build it with ./mvnw -q -pl bench,starter -am package -DskipTests");
        }
        this.databases = databases;
        this.jar = Files.copy(accordJar, dir.resolve("accord.jar"), StandardCopyOption.REPLACE_EXISTING);
        this.dir = dir;
        this.rowsPerChunk = rowsPerChunk;
        this.parallelism = parallelism;
        this.batchSize = batchSize;
    }

    /** The counts of {@code --workers}, checked: each from 1 to {@link #MAX_WORKERS}, smallest first, none twice. */
    static List<Integer> counts(List<Integer> requested) {
        for (int i = 0; i < requested.size(); i++) {
            int count = requested.get(i);
            if (count < 1 || count > MAX_WORKERS) {
                throw new IllegalArgumentException("a worker count is from 1 to " + MAX_WORKERS + ", not " + count);
            }
            if (i > 0 && count <= requested.get(i - 1)) {
                throw new IllegalArgumentException("worker counts go smallest first, each once: " + requested);
            }
        }
        return List.copyOf(requested);
    }

    /** Measures each count in turn; speed-ups are over the first. */
    List<Scaling> run(List<Integer> counts) throws InterruptedException, IOException {
        List<Scaling> measured = new ArrayList<>();
        try {
            for (int workers : counts) {
                measured.add(measure(workers));
                BenchCommand.log("  %s", describe(measured.get(measured.size() - 1)));
            }
        } finally {
            Files.deleteIfExists(jar);
        }
        return Scorecard.speedUps(measured);
    }

    private Scaling measure(int workers) throws InterruptedException, IOException {
        String table = "dst_scale_" + workers;
        String schema = "store_scale_" + workers;
        databases.createPostgresTarget(table);
        Map<String, String> environment = new LinkedHashMap<>(BenchContract.environment(databases, "postgres"));
        String storeUrl = databases.storeUrl(schema);
        environment.put("ACCORD_STORE_URL", storeUrl);
        environment.put("ACCORD_STORE_USER", "postgres");
        environment.put("ACCORD_STORE_PASSWORD", "");
        Path contract = BenchContract.write(dir, "postgres", table, batchSize);
        Jdbc store = new Jdbc(storeUrl, "postgres");
        BenchCommand.log("%d worker process(es): starting them and a Temporal server (logs in %s)", workers, dir);
        try (WorkerProcesses deployment = WorkerProcesses.start(jar, dir, contract, environment, workers, "scale" + workers);
             StoreAnalyzer analyzer = new StoreAnalyzer(store);
             LockSampler locks = new LockSampler(databases.postgres)) {
            CpuWatch cpu = new CpuWatch(deployment);
            long started = System.nanoTime();
            BackfillResult result = backfill(deployment, workers);
            double seconds = (System.nanoTime() - started) / 1e9;
            LockWaits waits = locks.stop();
            Cpu used = cpu.since(seconds);
            if (!"finished".equals(result.state())) {
                throw new BenchException("the backfill with " + workers + " workers ended " + result.state() + ": " + result.counts());
            }
            checkSameRowsAsRaw(table);
            List<String> scrapes = keptScrapes(deployment, workers);
            return new Scaling(workers, Throughput.of("Accord backfill", "postgres", result.records(), seconds), Double.NaN,
                    activitiesPerWorker(scrapes), waits, failedAttempts(scrapes, true), failedAttempts(scrapes, false),
                    fencedAttempts(store, schema), used);
        }
    }

    /** Every worker's scrape, also kept in the run's folder. */
    private List<String> keptScrapes(WorkerProcesses deployment, int workers) throws IOException, InterruptedException {
        List<String> scrapes = deployment.scrapes();
        for (int i = 0; i < scrapes.size(); i++) {
            Files.writeString(dir.resolve("scale" + workers + "-worker-" + (i + 1) + ".prom"), scrapes.get(i));
        }
        return scrapes;
    }

    private static String describe(Scaling s) {
        return String.format(Locale.ROOT, "%,d records in %.1f s (%,.0f/s); activities per worker %s; lock waits max %d,"
                        + " mean %.2f; %d CAS conflicts, %d failed activities, fenced attempts %s; CPU s: workers %.1f, Temporal %.1f,"
                        + " others %.1f", s.backfill().records(), s.backfill().seconds(), s.backfill().recordsPerSecond(),
                s.activitiesPerWorker(), s.lockWaits().max(), s.lockWaits().mean(), s.casConflicts(), s.activityFailures(),
                s.fencedAttempts() == null ? "n/a (no table)" : s.fencedAttempts(), s.cpu().workers(), s.cpu().temporal(), s.cpu().others());
    }

    private BackfillResult backfill(WorkerProcesses deployment, int workers) throws InterruptedException {
        BackfillInput input = new BackfillInput(BenchContract.FLOW, null, null, rowsPerChunk, parallelism, null, null);
        BackfillWorkflow workflow = deployment.client().newWorkflowStub(BackfillWorkflow.class, WorkflowStarts.options(TaskQueues.ACCORD,
                "backfill/" + BenchContract.FLOW + "/scale-" + workers, RunLabels.backfill(input)));
        WorkflowClient.start(workflow::run, input);
        CompletableFuture<BackfillResult> outcome = WorkflowStub.fromTyped(workflow).getResultAsync(BackfillResult.class);
        while (true) {
            try {
                return outcome.get(5, TimeUnit.SECONDS);
            } catch (TimeoutException running) {
                deployment.checkAlive();
            } catch (ExecutionException e) {
                throw new BenchException("the backfill with " + workers + " workers failed", e.getCause());
            }
        }
    }

    private void checkSameRowsAsRaw(String table) {
        String accord = databases.fingerprint(table);
        String raw = databases.fingerprint(BenchDatabases.RAW_TARGET);
        if (!accord.equals(raw)) {
            throw new BenchException("Accord's target " + table + " (" + accord + ") differs from the raw baseline's (" + raw + ")");
        }
    }

    /**
     * Failed activity attempts over every worker ({@code accord_activity_seconds_count}, outcome failure);
     * with {@code casOnly}, those whose error is the golden records' ConcurrentUpdateException (by its class
     * name, with or without the package).
     */
    static long failedAttempts(List<String> scrapes, boolean casOnly) {
        return Math.round(scrapes.stream().mapToDouble(text -> PrometheusText.sum(text, "accord_activity_seconds_count",
                labels -> "failure".equals(labels.get("outcome"))
                        && (!casOnly || labels.getOrDefault("error", "").endsWith("ConcurrentUpdateException")))).sum());
    }

    /** Activity executions (attempts, whatever their outcome) of each worker, in the order of {@code scrapes}. */
    static List<Long> activitiesPerWorker(List<String> scrapes) {
        return scrapes.stream().map(text -> Math.round(PrometheusText.sum(text, "accord_activity_seconds_count", labels -> true))).toList();
    }

    /** Rows of the store's {@code fenced_attempt} table, or null when the store has no such table. */
    private static Long fencedAttempts(Jdbc store, String schema) {
        boolean exists = store.count("select count(*) from information_schema.tables where table_schema = '" + schema
                + "' and table_name = 'fenced_attempt'") > 0;
        return exists ? store.count("select count(*) from fenced_attempt") : null;
    }
}
