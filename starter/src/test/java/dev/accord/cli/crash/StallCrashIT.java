package dev.accord.cli.crash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.cli.crash.CrashContract.Account;
import dev.accord.cli.crash.CrashContract.SourceCustomer;
import dev.accord.cli.crash.CrashSystems.Stored;
import dev.accord.cli.crash.Stalls.Stall;
import dev.accord.cli.crash.Stalls.Step;
import dev.accord.workflows.AccordDataConverter;
import dev.accord.workflows.TaskQueues;
import dev.accord.workflows.backfill.BackfillInput;
import dev.accord.workflows.backfill.BackfillResult;
import dev.accord.workflows.backfill.BackfillWorkflow;
import dev.accord.workflows.codec.PayloadKey;
import dev.accord.workflows.sync.SyncInput;
import dev.accord.workflows.sync.SyncResult;
import dev.accord.workflows.sync.SyncWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Fencing under stalls (issue 20): three worker JVMs on one Temporal server and one PostgreSQL store, each frozen in
 * turn with SIGSTOP in the middle of a step — resolving, planning, writing the target, settling — for longer than the
 * activities' heartbeat timeout, so that Temporal retries its attempt on another worker, then woken with SIGCONT;
 * and killed with SIGKILL too. The woken attempts must commit nothing (the store records each refusal), every change
 * must be applied exactly once with exactly one applied change-log entry per write, no entry may be logged by a
 * superseded attempt after its replacement took over, and a rollback must bring the target back to its checksum.
 * Once for a 100k-customer backfill (PostgreSQL into MariaDB), once for a continuous sync while the source changes.
 * Run with {@code ./mvnw -Pcrash verify}; output under {@code target/crash/<id>/}.
 */
class StallCrashIT {

    private static final int CUSTOMERS = Integer.getInteger("accord.stall.customers", 100_000);
    private static final int SYNC_CUSTOMERS = 3_000;
    private static final int WORKERS = 3;
    private static final int CHANGES_PER_TICK = 40;
    /** Pages of this many rows make a page's target write and settle last long enough to be caught in a thread dump. */
    private static final int SYNC_BATCH = 1_000;
    private static final Duration STALL_SEARCH = Duration.ofMinutes(9);
    private static final Duration LAST_STEP_SEARCH = Duration.ofMinutes(2);
    private static final Path BUILT_JAR = Path.of("target", "accord.jar");

    private final String id = "stall_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final long began = System.nanoTime();
    private final List<AccordProcess> processes = new ArrayList<>();
    private CrashSystems systems;
    private Workers workers;
    private WorkflowServiceStubs service;
    private WorkflowClient client;
    private Stalls stalls;
    private Path dir;
    private Path jar;
    private String address;
    private String payloadKey;

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
        } finally {
            if (systems != null) {
                systems.close();
            }
        }
    }

    @Test
    @Timeout(value = 40, unit = TimeUnit.MINUTES)
    void aBackfillWhoseWorkersStallAndDieWritesEveryChangeOnceAndRollsBack() throws Exception {
        Random random = start(Duration.ofSeconds(30));
        systems.seedSource(CUSTOMERS);
        List<SourceCustomer> source = systems.sourceRows();
        Map<String, Account> expected = new TreeMap<>();
        source.forEach(row -> CrashContract.target(row).ifPresent(account -> expected.put(row.id(), account)));
        systems.seedTarget(CrashScenario.targetBefore(source, expected));
        TreeMap<String, Stored> before = systems.targetRows();
        String beforeChecksum = CrashSystems.checksum(before);
        Map<String, String> changes = CrashScenario.changes(expected, before);
        log("%d customers, %d changes due; target checksum %s", source.size(), changes.size(), beforeChecksum);

        BackfillWorkflow backfill = client.newWorkflowStub(BackfillWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId("backfill/" + CrashContract.FLOW + "/stall-" + id).setTaskQueue(TaskQueues.ACCORD).build());
        long start = System.nanoTime();
        String runId = WorkflowClient.start(backfill::run, new BackfillInput(CrashContract.FLOW, null, null, 10_000, 2, null, null)).getRunId();
        CompletableFuture<BackfillResult> outcome = WorkflowStub.fromTyped(backfill).getResultAsync(BackfillResult.class);
        log("started the backfill, run %s, on %d workers", runId, WORKERS);

        Set<Step> toStall = EnumSet.of(Step.TARGET_WRITE, Step.RESOLVE, Step.PLAN, Step.SETTLE);
        while (!toStall.isEmpty() && !outcome.isDone()) {
            Stall stall = stalls.freezeDuringAny(toStall, () -> !outcome.isDone());
            report(stall, start);
            if (stall == null) {
                break;
            }
            toStall.remove(stall.step());
            if (workers.kills() == 0 && !outcome.isDone()) {
                killOne(random, start);
            }
        }
        BackfillResult result = outcome.get(25, TimeUnit.MINUTES);
        log("backfill %s in %.1f s: %d records, counts %s", result.state(), seconds(start), result.records(), result.counts());
        assertThat(result.state()).isEqualTo("finished");

        assertThat(CrashScenario.targetMismatches(expected, before, systems.targetRows(), changes))
                .as("target rows that do not follow the contract").isEmpty();
        log("change log by status: %s; refused to the stalled workers: %s", CrashScenario.checkChangeLog(systems.store, runId, changes),
                stalls.refusals());

        String rollback = rollBack(runId, Step.RESTORE);
        String restored = CrashSystems.checksum(systems.targetRows());
        assertThat(CrashScenario.rowsThatDiffer(before, systems.targetRows())).as("rows the rollback did not restore; it said:%n%s", rollback)
                .isEmpty();
        assertThat(restored).as("target checksum after the rollback").isEqualTo(beforeChecksum);
        assertStalledAtLeastThreeStepsAndWereRefused();
        assertThat(workers.kills()).as("SIGKILLs during the backfill").isPositive();
        log("done in %.1f s: %d stalls, %d SIGKILLs", seconds(began), stalls.done().size(), workers.kills());
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.MINUTES)
    void aContinuousSyncWhoseWorkersStallAndDieWritesEachChangeOnceAndRollsBack() throws Exception {
        Random random = start(Duration.ofSeconds(2));
        systems.seedSource(SYNC_CUSTOMERS);
        String beforeChecksum = CrashSystems.checksum(systems.targetRows());

        SyncWorkflow sync = client.newWorkflowStub(SyncWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId(TaskQueues.syncWorkflowId(CrashContract.FLOW)).setTaskQueue(TaskQueues.ACCORD).build());
        long start = System.nanoTime();
        String runId = WorkflowClient.start(sync::run, SyncInput.of(CrashContract.FLOW).withMode("continuous").withBatchSize(SYNC_BATCH)).getRunId();
        CompletableFuture<SyncResult> outcome = WorkflowStub.fromTyped(sync).getResultAsync(SyncResult.class);
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicLong updates = new AtomicLong();
        Thread writer = new Thread(() -> changeSourceUntil(writing, updates, random.nextLong()), "source-writer");
        writer.start();
        log("started the continuous sync, run %s, and a writer changing the source", runId);

        // a sync never ends by itself: a search that found no worker in a step searches again, until every step had its stall
        Set<Step> toStall = EnumSet.of(Step.PLAN, Step.TARGET_WRITE, Step.RESOLVE, Step.SETTLE);
        long searchUntil = System.nanoTime() + STALL_SEARCH.toNanos();
        while (!toStall.isEmpty() && !outcome.isDone() && System.nanoTime() < searchUntil) {
            Stall stall = stalls.freezeDuringAny(toStall, () -> !outcome.isDone());
            if (stall != null) {
                report(stall, start);
                toStall.remove(stall.step());
                if (toStall.size() == 1) {
                    // three steps stalled, as the test asks: the fourth gets one more search, not the whole budget
                    searchUntil = Math.min(searchUntil, System.nanoTime() + LAST_STEP_SEARCH.toNanos());
                }
            }
        }
        killOne(random, start);
        writing.set(false);
        writer.join();
        log("the writer made %d updates; waiting for the sync to catch up", updates.get());

        List<SourceCustomer> source = systems.sourceRows();
        Map<String, Account> expected = new TreeMap<>();
        source.forEach(row -> CrashContract.target(row).ifPresent(account -> expected.put(row.id(), account)));
        awaitTarget(expected, Duration.ofMinutes(10));
        sync.cancel();
        SyncResult result = outcome.get(5, TimeUnit.MINUTES);
        log("sync %s after %.1f s: %d pages, counts %s", result.state(), seconds(start), result.pages(), result.counts());
        assertThat(result.state()).isEqualTo("cancelled");

        TreeMap<String, Stored> after = systems.targetRows();
        Map<String, Long> applied = new TreeMap<>();
        systems.store.query("select record_key, count(*) from change_log where run_id = ? and status = 'applied' group by record_key",
                r -> applied.put(r.getString(1), r.getLong(2)), runId);
        Map<String, Long> versions = new TreeMap<>();
        after.forEach((key, row) -> versions.put(key, row.version()));
        assertThat(applied).as("applied change-log entries per row = the writes its version counts").isEqualTo(versions);
        Map<String, Long> statuses = CrashScenario.statuses(systems.store, runId);
        assertThat(statuses).doesNotContainKey("pending");
        assertThat(statuses.keySet()).isSubsetOf("applied", "superseded", "conflict");
        assertThat(CrashScenario.lateEntries(systems.store, runId)).as("entries logged by superseded attempts after their replacement").isEmpty();
        log("change log by status: %s; refused to the stalled workers: %s", statuses, stalls.refusals());

        String rollback = rollBack(runId, null);
        assertThat(CrashSystems.checksum(systems.targetRows())).as("target checksum after rolling the sync back; the rollback said:%n%s",
                rollback).isEqualTo(beforeChecksum);
        assertStalledAtLeastThreeStepsAndWereRefused();
        log("done in %.1f s: %d stalls, %d SIGKILLs", seconds(began), stalls.done().size(), workers.kills());
    }

    /** Databases, the Temporal server, {@value #WORKERS} workers, a client; returns the seeded random of the run. */
    private Random start(Duration pollInterval) throws Exception {
        assertThat(BUILT_JAR).as("the executable jar (built in the package phase)").exists();
        long seed = Long.getLong("accord.crash.seed", System.nanoTime());
        dir = Files.createDirectories(Path.of("target", "crash", id).toAbsolutePath());
        log("seed %d; databases %s, output in %s", seed, id, dir);
        jar = CrashScenario.copyOf(BUILT_JAR, dir);
        systems = CrashSystems.create(id);
        Path contract = CrashContract.write(dir, systems.sourceTable(), systems.targetTable(), pollInterval);
        int port = CrashScenario.freePort();
        address = "127.0.0.1:" + port;
        AccordProcess temporal = AccordProcess.start("temporal", jar, dir, dir.resolve("temporal.log"), Map.of(), List.of("-Xmx1g"),
                "temporal", "--port", String.valueOf(port));
        processes.add(temporal);
        temporal.awaitPort(port, Duration.ofSeconds(60));
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        payloadKey = Base64.getEncoder().encodeToString(key);
        workers = new Workers(jar, dir, contract, address, payloadKey, systems);
        for (int slot = 0; slot < WORKERS; slot++) {
            workers.start(slot);
        }
        stalls = new Stalls(workers, systems.store);
        service = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder().setTarget(address).build());
        client = WorkflowClient.newInstance(service, WorkflowClientOptions.newBuilder()
                .setDataConverter(AccordDataConverter.create(dev.accord.workflows.codec.PayloadProtection.field(dev.accord.workflows.codec.PiiNames.none(), dev.accord.workflows.codec.PayloadKeyring.of(PayloadKey.of(key))))).build());
        return new Random(seed);
    }

    private void report(Stall stall, long start) {
        if (stall == null) {
            log("  no worker reached the next step before the run ended");
            return;
        }
        log("  stall: SIGSTOP worker %s (pid %d) %s, frozen %.1f s, woken at %.0f s", stall.deployment(), stall.pid(),
                stall.step().label, stall.frozenSeconds(), seconds(start));
    }

    private void killOne(Random random, long start) throws InterruptedException {
        int slot = random.nextInt(WORKERS);
        long pid = workers.slot(slot).pid();
        workers.kill(slot);
        workers.start(slot);
        log("  SIGKILL worker pid %d at %.0f s; started again as pid %d", pid, seconds(start), workers.slot(slot).pid());
    }

    /** At least three stalls, in three different steps, and the stalled workers were refused something when they woke. */
    private void assertStalledAtLeastThreeStepsAndWereRefused() {
        Set<Step> steps = new LinkedHashSet<>();
        stalls.done().forEach(s -> steps.add(s.step()));
        assertThat(steps).as("steps a worker was frozen in").hasSizeGreaterThanOrEqualTo(3);
        assertThat(stalls.refusals()).as("refusals of the stalled workers' woken attempts").isNotEmpty();
    }

    /** {@code accord rollback run}, with the worker running it frozen once when {@code stallIn} is given; returns what it printed. */
    private String rollBack(String runId, Step stallIn) throws Exception {
        AccordProcess rollback = AccordProcess.start("accord rollback", jar, dir, dir.resolve("rollback-" + runId + ".log"),
                Map.of("TEMPORAL_ADDRESS", address, PayloadKey.ENVIRONMENT, payloadKey), List.of("-Xmx512m"), "rollback", "run", runId);
        processes.add(rollback);
        long start = System.nanoTime();
        if (stallIn != null) {
            report(stalls.freezeDuring(stallIn, rollback::isAlive), start);
        }
        Integer exit = rollback.awaitExit(Duration.ofMinutes(15));
        assertThat(exit).as("accord rollback run; output:%n%s", rollback.output()).isEqualTo(0);
        log("rollback of %s in %.1f s: %s", runId, seconds(start), rollback.output().strip().replace('\n', ' '));
        return rollback.output().strip();
    }

    /**
     * Changes customers' addresses and credit, 40 every 50 ms, until told to stop: about what the sync can take, so its
     * workers are busy nearly all the time and every step can be caught in a thread dump (at a few changes per second
     * a page's target write and settle last milliseconds every two seconds, and a stall search may find neither).
     */
    private void changeSourceUntil(AtomicBoolean writing, AtomicLong updates, long seed) {
        Random random = new Random(seed);
        while (writing.get()) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < CHANGES_PER_TICK; i++) {
                ids.add(String.format("C%06d", 1 + random.nextInt(SYNC_CUSTOMERS)));
            }
            long n = updates.addAndGet(ids.size());
            systems.postgres.execute("update " + systems.sourceTable() + " set email = 'v" + n + ".' || id || '@example.com',"
                    + " credit_eur = " + (n % 5000) + ".25, updated_at = (clock_timestamp() at time zone 'Europe/Berlin') where id in ('"
                    + String.join("','", ids) + "')");
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void awaitTarget(Map<String, Account> expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> wrong = List.of("not looked yet");
        while (System.nanoTime() < deadline) {
            wrong = valueMismatches(expected, systems.targetRows());
            if (wrong.isEmpty()) {
                return;
            }
            Thread.sleep(1_000);
        }
        throw new AssertionError("the sync never caught up with the source; still different: " + wrong);
    }

    /** Keys whose target row is not what the contract makes of the source row now (absent for invalid ones). */
    private static List<String> valueMismatches(Map<String, Account> expected, Map<String, Stored> rows) {
        List<String> wrong = new ArrayList<>();
        Set<String> keys = new java.util.TreeSet<>(expected.keySet());
        keys.addAll(rows.keySet());
        for (String key : keys) {
            Account want = expected.get(key);
            Account is = rows.containsKey(key) ? rows.get(key).account() : null;
            if (!java.util.Objects.equals(want, is)) {
                wrong.add(key + ": expected " + want + " but is " + is);
            }
        }
        return wrong.size() > 10 ? List.of(wrong.size() + " rows, first: " + wrong.subList(0, 10)) : wrong;
    }

    private double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private void log(String format, Object... arguments) {
        System.out.printf("[stall %6.1f s] %s%n", seconds(began), String.format(format, arguments));
        System.out.flush();
    }
}
