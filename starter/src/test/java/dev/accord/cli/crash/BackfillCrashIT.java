package dev.accord.cli.crash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.cli.crash.CrashContract.Account;
import dev.accord.cli.crash.CrashContract.SourceCustomer;
import dev.accord.cli.crash.CrashSystems.Stored;
import dev.accord.workflows.AccordDataConverter;
import dev.accord.workflows.TaskQueues;
import dev.accord.workflows.backfill.BackfillInput;
import dev.accord.workflows.backfill.BackfillProgress;
import dev.accord.workflows.backfill.BackfillResult;
import dev.accord.workflows.backfill.BackfillWorkflow;
import dev.accord.workflows.codec.PayloadKey;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The crash test (issue 4): a backfill of 100,000 customers from PostgreSQL into MariaDB while the worker
 * JVM is killed with SIGKILL again and again, then a full rollback while it is killed once more.
 *
 * <p>Processes: the Temporal test server as its own process ({@code accord temporal}), the worker as
 * another ({@code accord worker}, restarted at once after every kill, each start with its own deployment
 * id), the rollback through the CLI ({@code accord rollback run}). All run the packaged
 * {@code target/accord.jar}; their output is under {@code target/crash/<id>/}. This JVM drives the
 * backfill with a Temporal client and reads the databases directly.
 *
 * <p>Kills come at random moments from a seeded {@link Random} (the seed is logged; rerun one with
 * {@code -Daccord.crash.seed=<seed>}): kill k waits for the worker to be up for 2–8 s and for the
 * backfill to have read a random share of the source (sorted shares between 3% and 80%), so the kills
 * spread over the whole backfill.
 *
 * <p>Then: every valid source row is in the target as the contract maps it, rows the contract quarantines
 * and rows the source does not have are untouched, each row that had to change changed exactly once
 * (version + 1, one applied change-log entry, nothing pending), and the rollback brings the target back to
 * its checksum from before the backfill (MD5 over all rows and columns except the version column, which
 * compare-and-set moves on and never back). Run with {@code ./mvnw -Pcrash verify}.
 */
class BackfillCrashIT {

    private static final int CUSTOMERS = Integer.getInteger("accord.crash.customers", 100_000);
    private static final int KILLS = Integer.getInteger("accord.crash.kills", 6);
    private static final int ROWS_PER_CHUNK = 10_000;
    private static final int PARALLELISM = 4;
    /**
     * Limits that catch a hang, not a slow run: a 2-core CI machine takes 5-10 minutes for the backfill
     * with its restarts, a machine busy with other work well over that.
     */
    private static final Duration BACKFILL_TIMEOUT = Duration.ofMinutes(25);
    private static final Duration ROLLBACK_TIMEOUT = Duration.ofMinutes(10);
    /** Built by the package phase; copied before use, since a concurrent build may rewrite it under running JVMs. */
    private static final Path BUILT_JAR = Path.of("target", "accord.jar");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    private final String id = "crash_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final long began = System.nanoTime();
    private final ExecutorService queries = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "progress-query");
        thread.setDaemon(true);
        return thread;
    });
    private final List<AccordProcess> processes = new ArrayList<>();
    private Path dir;
    private CrashSystems systems;
    private Workers workers;
    private WorkflowServiceStubs service;

    @AfterEach
    void cleanUp() {
        try {
            if (workers != null) {
                workers.close();
            }
            processes.forEach(AccordProcess::killQuietly);
            if (service != null) {
                service.shutdownNow();
            }
            queries.shutdownNow();
            if (dir != null) {
                Files.deleteIfExists(dir.resolve("accord.jar"));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            if (systems != null) {
                systems.close();
            }
        }
    }

    @Test
    @Timeout(value = 45, unit = TimeUnit.MINUTES)
    void aBackfillKilledAgainAndAgainWritesEveryChangeOnceAndRollsBackToTheSameChecksum() throws Exception {
        assertThat(BUILT_JAR).as("the executable jar (built in the package phase)").exists();
        long seed = Long.getLong("accord.crash.seed", System.nanoTime());
        Random random = new Random(seed);
        dir = Files.createDirectories(Path.of("target", "crash", id).toAbsolutePath());
        log("seed %d (rerun with -Daccord.crash.seed=%d); databases %s, output in %s", seed, seed, id, dir);
        Path jar = CrashScenario.copyOf(BUILT_JAR, dir);

        systems = CrashSystems.create(id);
        systems.seedSource(CUSTOMERS);
        List<SourceCustomer> source = systems.sourceRows();
        Map<String, Account> expected = new TreeMap<>();
        source.forEach(row -> CrashContract.target(row).ifPresent(account -> expected.put(row.id(), account)));
        TreeMap<String, Stored> seeded = CrashScenario.targetBefore(source, expected);
        systems.seedTarget(seeded);
        TreeMap<String, Stored> before = systems.targetRows();
        assertThat(before).as("the target as seeded").isEqualTo(seeded);
        String beforeChecksum = CrashSystems.checksum(before);
        Map<String, String> changes = CrashScenario.changes(expected, before);
        log("source: %d customers, %d valid, %d to quarantine; target before: %d rows, checksum %s; %d inserts and %d updates due",
                source.size(), expected.size(), source.size() - expected.size(), before.size(), beforeChecksum,
                changes.values().stream().filter("insert"::equals).count(), changes.values().stream().filter("update"::equals).count());

        Path contract = CrashContract.write(dir, systems.sourceTable(), systems.targetTable());
        int port = CrashScenario.freePort();
        String address = "127.0.0.1:" + port;
        AccordProcess temporal = AccordProcess.start("temporal", jar, dir, dir.resolve("temporal.log"), Map.of(), List.of("-Xmx1g"),
                "temporal", "--port", String.valueOf(port));
        processes.add(temporal);
        temporal.awaitPort(port, Duration.ofSeconds(60));
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String payloadKey = Base64.getEncoder().encodeToString(key);
        workers = new Workers(jar, dir, contract, address, payloadKey, systems);
        workers.start();
        log("Temporal test server (pid %d) on %s; worker #1 (pid %d) up in %.1f s", temporal.pid(), address,
                workers.current().pid(), workers.averageStartSeconds());
        service = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder().setTarget(address).build());
        WorkflowClient client = WorkflowClient.newInstance(service, WorkflowClientOptions.newBuilder()
                .setDataConverter(AccordDataConverter.create(dev.accord.workflows.codec.PayloadProtection.field(dev.accord.workflows.codec.PiiNames.none(), dev.accord.workflows.codec.PayloadKeyring.of(PayloadKey.of(key))))).build());

        String workflowId = "backfill/" + CrashContract.FLOW + "/" + ZonedDateTime.now(ZoneOffset.UTC).format(STAMP);
        BackfillWorkflow backfill = client.newWorkflowStub(BackfillWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId(workflowId).setTaskQueue(TaskQueues.ACCORD).build());
        long backfillStart = System.nanoTime();
        WorkflowExecution execution = WorkflowClient.start(backfill::run,
                new BackfillInput(CrashContract.FLOW, null, null, ROWS_PER_CHUNK, PARALLELISM, null, null));
        String runId = execution.getRunId();
        CompletableFuture<BackfillResult> outcome = WorkflowStub.fromTyped(backfill).getResultAsync(BackfillResult.class);
        log("started %s (run %s)", workflowId, runId);

        killDuringBackfill(random, backfill, runId, outcome, backfillStart);
        BackfillResult result = outcome.get(BACKFILL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        double backfillSeconds = seconds(backfillStart);
        log("worker #%d (pid %d) used %.1f s CPU in %.1f s", workers.starts(), workers.current().pid(), workers.current().cpuSeconds(),
                workers.current().uptimeSeconds());
        log("backfill %s: %s, %d chunks, %d records in %.1f s (%.0f records/s, %d kills); counts %s", workflowId, result.state(),
                result.chunks(), result.records(), backfillSeconds, result.records() / backfillSeconds, workers.kills(), result.counts());
        assertThat(result.state()).isEqualTo("finished");
        assertThat(workers.kills()).as("kills during the backfill").isGreaterThanOrEqualTo(Math.min(KILLS, 5));

        TreeMap<String, Stored> after = systems.targetRows();
        assertThat(CrashScenario.targetMismatches(expected, before, after, changes)).as("target rows that do not follow the contract").isEmpty();
        checkStore(runId, result, expected.size(), source.size(), changes);
        log("checked: %d target rows follow the contract, %d changes each applied exactly once", after.size(), changes.size());

        long rollbackStart = System.nanoTime();
        String rollbackOutput = rollBackWithOneKill(random, jar, dir, Map.of("TEMPORAL_ADDRESS", address, PayloadKey.ENVIRONMENT, payloadKey),
                runId);
        double rollbackSeconds = seconds(rollbackStart);
        TreeMap<String, Stored> restored = systems.targetRows();
        String restoredChecksum = CrashSystems.checksum(restored);
        log("rollback of %s in %.1f s (%.0f rows/s): %s; target checksum %s (before the backfill: %s)", runId, rollbackSeconds,
                changes.size() / rollbackSeconds, rollbackOutput.strip().replace('\n', ' '), restoredChecksum, beforeChecksum);
        assertThat(CrashScenario.rowsThatDiffer(before, restored)).as("target rows the rollback did not restore").isEmpty();
        assertThat(restoredChecksum).as("target checksum after the rollback").isEqualTo(beforeChecksum);
        assertThat(CrashScenario.statuses(systems.store, runId)).as("change-log entries of the backfill after the rollback")
                .containsEntry("reverted", (long) changes.size()).doesNotContainKeys("applied", "pending");
        log("done in %.1f s: %d worker starts (%.1f s each on average), %d SIGKILLs; backfill %.1f s, rollback %.1f s",
                seconds(began), workers.starts(), workers.averageStartSeconds(), workers.kills(), backfillSeconds, rollbackSeconds);
    }

    /**
     * Kill k comes once the worker has been up for a random 2–8 s and the backfill has read the k-th of
     * {@link #KILLS} random shares of the source (per the chunk progress it saves after every page); the
     * worker is started again at once.
     */
    private void killDuringBackfill(Random random, BackfillWorkflow backfill, String runId, CompletableFuture<BackfillResult> outcome,
                                    long backfillStart) throws Exception {
        double[] shares = new double[KILLS];
        for (int k = 0; k < KILLS; k++) {
            shares[k] = 0.03 + random.nextDouble() * 0.77;
        }
        Arrays.sort(shares);
        long lastLog = 0;
        for (int k = 0; k < KILLS; k++) {
            long upFor = 2_000 + random.nextInt(6_001);
            long due = (long) (shares[k] * CUSTOMERS);
            long readyAt = System.nanoTime();
            long done;
            while (true) {
                assertThat(outcome).as("the backfill ended after %d of %d kills", k, KILLS).isNotDone();
                done = recordsDone(runId);
                systems.analyzeStoreIfDue();
                if (done >= due && (System.nanoTime() - readyAt) / 1_000_000 >= upFor) {
                    break;
                }
                if (System.nanoTime() - lastLog > 5_000_000_000L) {
                    lastLog = System.nanoTime();
                    log("  %.0f s: %d of %d records done; progress %s", seconds(backfillStart), done, CUSTOMERS, progress(backfill));
                }
                Thread.sleep(50);
            }
            long pid = workers.current().pid();
            double uptime = workers.current().uptimeSeconds();
            double cpu = workers.current().cpuSeconds();
            workers.kill();
            double killedAt = seconds(backfillStart);
            workers.start();
            log("kill %d: SIGKILL worker pid %d at %.1f s into the backfill (%d records done, due at %d, up %.1f s using %.1f s CPU,"
                    + " waited %.1f s after ready); worker #%d (pid %d) up again %.1f s later", k + 1, pid, killedAt, done, due, uptime, cpu,
                    upFor / 1000.0, workers.starts(), workers.current().pid(), seconds(backfillStart) - killedAt);
        }
        while (!outcome.isDone() && seconds(backfillStart) < BACKFILL_TIMEOUT.toSeconds()) {
            systems.analyzeStoreIfDue();
            if (System.nanoTime() - lastLog > 5_000_000_000L) {
                lastLog = System.nanoTime();
                log("  %.0f s: %d of %d records done; progress %s", seconds(backfillStart), recordsDone(runId), CUSTOMERS, progress(backfill));
            }
            Thread.sleep(200);
        }
    }

    /** The {@code progress} query, with a short timeout (a query needs a live worker). */
    private String progress(BackfillWorkflow backfill) {
        try {
            BackfillProgress p = CompletableFuture.supplyAsync(backfill::progress, queries).get(5, TimeUnit.SECONDS);
            return p.state() + ", chunks " + p.chunksDone() + "/" + p.chunksTotal() + " done, " + p.chunksRunning() + " running";
        } catch (Exception e) {
            return "unavailable (" + e.getClass().getSimpleName() + ")";
        }
    }

    private long recordsDone(String runId) {
        return systems.store.count("select coalesce(sum(records), 0) from backfill_chunk where run_id = ?", runId);
    }

    /** The Accord store after the backfill: one applied change-log entry per change, nothing pending or left over. */
    private void checkStore(String runId, BackfillResult result, int valid, int sourceRows, Map<String, String> changes) {
        Jdbc store = systems.store;
        log("change-log entries by status: %s", CrashScenario.checkChangeLog(store, runId, changes));
        assertThat(store.count("select count(*) from target_delivery")).as("deliveries still pending").isZero();

        assertThat(store.count("select count(*) - count(distinct dedup_key) from applied_change")).as("repeated dedup keys").isZero();
        assertThat(store.query("select decision, count(*) from applied_change where run_id = ? group by decision",
                r -> Map.entry(r.getString(1), r.getLong(2)), runId)).as("decisions recorded under the backfill's dedup keys")
                .containsExactly(Map.entry("applied", (long) valid));
        assertThat(store.count("select count(*) from golden_record")).as("golden records").isEqualTo(valid);
        assertThat(store.count("select count(distinct record_key) from quarantine where run_id = ?", runId))
                .as("customers quarantined").isEqualTo(sourceRows - valid);

        List<String> chunks = store.query("select chunk_no || ':' || done || ':' || records from backfill_chunk where run_id = ?"
                + " order by chunk_no", r -> r.getString(1), runId);
        assertThat(chunks).as("chunks (no:done:records)").hasSize(result.chunks()).allMatch(c -> c.contains(":true:"));
        assertThat(recordsDone(runId)).as("records read by all chunks").isEqualTo(sourceRows);
        assertThat(result.records()).isEqualTo(sourceRows);
    }

    /**
     * {@code accord rollback run <run>} as its own process; once the change log shows rows restored, the
     * worker is killed once more (after a random 0–1.5 s) and started again. Returns the command's output.
     */
    private String rollBackWithOneKill(Random random, Path jar, Path dir, Map<String, String> environment, String runId)
            throws Exception {
        AccordProcess rollback = AccordProcess.start("accord rollback", jar, dir, dir.resolve("rollback.log"), environment,
                List.of("-Xmx512m"), "rollback", "run", runId);
        processes.add(rollback);
        long start = System.nanoTime();
        while (rollback.isAlive() && systems.store.count("select count(*) from change_log where run_id = ? and status = 'reverted'", runId) == 0
                && seconds(start) < 120) {
            Thread.sleep(50);
        }
        Thread.sleep(random.nextInt(1_500));
        if (rollback.isAlive()) {
            long reverted = systems.store.count("select count(*) from change_log where run_id = ? and status = 'reverted'", runId);
            long pid = workers.current().pid();
            workers.kill();
            double killedAt = seconds(start);
            workers.start();
            log("kill %d: SIGKILL worker pid %d %.1f s into the rollback (%d entries reverted); worker #%d up again %.1f s later",
                    workers.kills(), pid, killedAt, reverted, workers.starts(), seconds(start) - killedAt);
        } else {
            log("the rollback ended before the worker could be killed during it");
        }
        Integer exit = rollback.awaitExit(ROLLBACK_TIMEOUT);
        String output = rollback.output();
        assertThat(exit).as("exit code of accord rollback run; output:%n%s", output).isEqualTo(0);
        assertThat(output).as("output of accord rollback run").contains("rolled-back:").doesNotContain("left alone");
        return output;
    }

    private double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private void log(String format, Object... arguments) {
        System.out.printf("[crash %6.1f s] %s%n", seconds(began), String.format(format, arguments));
        System.out.flush();
    }
}
