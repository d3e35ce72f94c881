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
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;
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
    private static final int EXTRA_TARGET_ROWS = 2_000;
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
        Path jar = copyOf(BUILT_JAR, dir);

        systems = CrashSystems.create(id);
        systems.seedSource(CUSTOMERS);
        List<SourceCustomer> source = systems.sourceRows();
        Map<String, Account> expected = new TreeMap<>();
        source.forEach(row -> CrashContract.target(row).ifPresent(account -> expected.put(row.id(), account)));
        TreeMap<String, Stored> seeded = targetBefore(source, expected);
        systems.seedTarget(seeded);
        TreeMap<String, Stored> before = systems.targetRows();
        assertThat(before).as("the target as seeded").isEqualTo(seeded);
        String beforeChecksum = CrashSystems.checksum(before);
        Map<String, String> changes = changes(expected, before);
        log("source: %d customers, %d valid, %d to quarantine; target before: %d rows, checksum %s; %d inserts and %d updates due",
                source.size(), expected.size(), source.size() - expected.size(), before.size(), beforeChecksum,
                changes.values().stream().filter("insert"::equals).count(), changes.values().stream().filter("update"::equals).count());

        Path contract = CrashContract.write(dir, systems.sourceTable(), systems.targetTable());
        int port = freePort();
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
                .setDataConverter(AccordDataConverter.create(PayloadKey.of(key))).build());

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
        assertThat(targetMismatches(expected, before, after, changes)).as("target rows that do not follow the contract").isEmpty();
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
        assertThat(rowsThatDiffer(before, restored)).as("target rows the rollback did not restore").isEmpty();
        assertThat(restoredChecksum).as("target checksum after the rollback").isEqualTo(beforeChecksum);
        assertThat(statuses(runId)).as("change-log entries of the backfill after the rollback")
                .containsExactly(Map.entry("reverted", (long) changes.size()));
        log("done in %.1f s: %d worker starts (%.1f s each on average), %d SIGKILLs; backfill %.1f s, rollback %.1f s",
                seconds(began), workers.starts(), workers.averageStartSeconds(), workers.kills(), backfillSeconds, rollbackSeconds);
    }

    /**
     * The target before the backfill: every 10th customer with stale values (version 3); one in ten already
     * exactly as the contract maps it (must stay unwritten); one in ten right but for its credit (only the
     * credit changes); for customers the contract quarantines, stale rows that must stay as they are; and
     * accounts the source does not have at all.
     */
    private static TreeMap<String, Stored> targetBefore(List<SourceCustomer> source, Map<String, Account> expected) {
        TreeMap<String, Stored> rows = new TreeMap<>();
        for (SourceCustomer row : source) {
            int i = Integer.parseInt(row.id().substring(1));
            Account want = expected.get(row.id());
            Account stale = new Account("Old Name " + i, "old" + i + "@example.org", "CLO", 999L, "2019-01-01", "legacy");
            if (i % 10 == 0 || (want == null && (i % 10 == 5 || i % 10 == 7))) {
                rows.put(row.id(), new Stored(stale, 3));
            } else if (i % 10 == 5) {
                rows.put(row.id(), new Stored(want.withNotes("already in sync"), 1));
            } else if (i % 10 == 7) {
                Long credit = want.creditCents() == null ? 4242L : want.creditCents() + 1;
                rows.put(row.id(), new Stored(want.withCredit(credit).withNotes("credit differs"), 2));
            }
        }
        for (int j = 1; j <= EXTRA_TARGET_ROWS; j++) {
            rows.put(String.format("D%06d", j), new Stored(new Account("Extra " + j, "extra" + j + "@example.net", "SUS", j * 100L,
                    "2021-02-03", "not in the source"), 1));
        }
        return rows;
    }

    /** Key → insert or update: the target rows the backfill has to write. */
    private static Map<String, String> changes(Map<String, Account> expected, Map<String, Stored> before) {
        Map<String, String> changes = new TreeMap<>();
        expected.forEach((key, want) -> {
            Stored was = before.get(key);
            if (was == null) {
                changes.put(key, "insert");
            } else if (!want.sameMappedValues(was.account())) {
                changes.put(key, "update");
            }
        });
        return changes;
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

    /** Rows that are not what the contract says: valid customers mapped, everything else untouched, each change once. */
    private static List<String> targetMismatches(Map<String, Account> expected, Map<String, Stored> before, Map<String, Stored> after,
                                                 Map<String, String> changes) {
        List<String> wrong = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(expected.keySet());
        keys.addAll(after.keySet());
        for (String key : keys) {
            Stored was = before.get(key);
            Stored is = after.get(key);
            Account want = expected.get(key);
            if (want == null) {
                if (!Objects.equals(was, is)) {
                    wrong.add(key + ": not a valid source record, must stay " + was + " but is " + is);
                }
                continue;
            }
            Account wanted = want.withNotes(was == null ? null : was.account().notes());
            long version = changes.containsKey(key) ? (was == null ? 1 : was.version() + 1) : was.version();
            if (is == null || !is.account().equals(wanted)) {
                wrong.add(key + ": expected " + wanted + " but is " + is);
            } else if (is.version() != version) {
                wrong.add(key + ": expected version " + version + " (" + changes.getOrDefault(key, "no write") + ") but is " + is.version());
            }
        }
        return wrong.size() > 30 ? List.of(wrong.size() + " rows, first: " + String.join("\n", wrong.subList(0, 30))) : wrong;
    }

    /** The Accord store after the backfill: one applied change-log entry per change, nothing pending or left over. */
    private void checkStore(String runId, BackfillResult result, int valid, int sourceRows, Map<String, String> changes) {
        Jdbc store = systems.store;
        assertThat(statuses(runId)).as("change-log entries of the backfill by status")
                .containsExactly(Map.entry("applied", (long) changes.size()));
        assertThat(store.query("select record_key, count(*) from change_log where run_id = ? group by record_key having count(*) > 1",
                r -> r.getString(1) + " × " + r.getLong(2), runId)).as("keys with more than one change-log entry").isEmpty();
        Map<String, String> logged = new TreeMap<>();
        store.query("select record_key, operation, target_system from change_log where run_id = ?",
                r -> logged.put(r.getString(1), r.getString(2) + (r.getString(3).equals("dst") ? "" : " to " + r.getString(3))), runId);
        assertThat(logged).as("change-log entries, key → operation").isEqualTo(changes);
        assertThat(store.count("select count(*) from change_log where status = 'pending'")).as("pending change-log entries").isZero();
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

    private Map<String, Long> statuses(String runId) {
        Map<String, Long> statuses = new LinkedHashMap<>();
        systems.store.query("select status, count(*) from change_log where run_id = ? group by status order by status",
                r -> statuses.put(r.getString(1), r.getLong(2)), runId);
        return statuses;
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

    private static List<String> rowsThatDiffer(Map<String, Stored> before, Map<String, Stored> now) {
        TreeSet<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(now.keySet());
        List<String> differ = keys.stream().filter(k -> !Objects.equals(account(before.get(k)), account(now.get(k))))
                .map(k -> k + ": before " + account(before.get(k)) + ", now " + account(now.get(k))).collect(Collectors.toList());
        return differ.size() > 30 ? List.of(differ.size() + " rows, first: " + String.join("\n", differ.subList(0, 30))) : differ;
    }

    private static Account account(Stored stored) {
        return stored == null ? null : stored.account();
    }

    /** A private copy of the jar, checked to be a complete archive. */
    private static Path copyOf(Path jar, Path dir) throws IOException {
        Path copy = dir.resolve("accord.jar");
        Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
        try (ZipFile zip = new ZipFile(copy.toFile())) {
            assertThat(zip.getEntry("META-INF/MANIFEST.MF")).as("manifest of %s", copy).isNotNull();
        }
        return copy;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private void log(String format, Object... arguments) {
        System.out.printf("[crash %6.1f s] %s%n", seconds(began), String.format(format, arguments));
        System.out.flush();
    }
}
