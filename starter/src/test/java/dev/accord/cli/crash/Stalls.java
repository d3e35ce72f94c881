package dev.accord.cli.crash;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * Freezes a worker with SIGSTOP in the middle of a given step, for longer than the activities' heartbeat timeout, then
 * wakes it with SIGCONT: the stall a long GC pause, a suspended VM or a partition causes. The step is found in the
 * workers' thread dumps ({@code jcmd Thread.print}): the first worker with a thread inside it is frozen at once.
 * Each stall reports which worker it froze, in which step, and what the woken worker was refused afterwards.
 */
final class Stalls {

    /** Where in a page's work a thread is, told from its stack. */
    enum Step {
        RESOLVE("resolve", stack -> stack.contains("engine.Hub.resolve(")),
        PLAN("plan", stack -> stack.contains("engine.TargetApplier.deliver(") && !stack.contains("GuardedTarget.apply(")
                && !stack.contains("DeliveryWriter.settle(")),
        TARGET_WRITE("target write", stack -> stack.contains("jdbc.JdbcTarget.apply(") || stack.contains("GuardedTarget.apply(")),
        SETTLE("settle", stack -> stack.contains("DeliveryWriter.settle(")),
        RESTORE("rollback restore", stack -> stack.contains("engine.RunReverter."));

        final String label;
        private final Predicate<String> inStack;

        Step(String label, Predicate<String> inStack) {
            this.label = label;
            this.inStack = inStack;
        }
    }

    /** What one stall did: the worker, the step it froze in, for how long. */
    record Stall(Step step, int slot, String deployment, long pid, double frozenSeconds) {

        /** The holder name the worker's attempts carry (see AttemptFencing.holder). */
        String holder() {
            return deployment + "/" + pid;
        }
    }

    /**
     * Longer than two heartbeat timeouts (30 s each): Temporal retries the frozen worker's activity meanwhile, and since
     * the Java test server may hand the first retry to the frozen worker's own open polls, the second goes elsewhere.
     */
    static final Duration FROZEN = Duration.ofSeconds(65);
    private static final Duration FIND_STEP = Duration.ofSeconds(120);

    private final Workers workers;
    private final Jdbc store;
    private final List<Stall> done = new ArrayList<>();

    Stalls(Workers workers, Jdbc store) {
        this.workers = workers;
        this.store = store;
    }

    /**
     * Waits until a worker is inside {@code step}, freezes it for {@link #FROZEN} and wakes it. Null when no worker reached
     * the step while {@code going} held (the run ended).
     */
    Stall freezeDuring(Step step, BooleanSupplier going) throws IOException, InterruptedException {
        return freezeDuringAny(Set.of(step), going);
    }

    /**
     * Waits until a worker is inside any of {@code steps} and freezes it there: a short run reaches fewer steps than
     * planned when they are asked for one by one, in a fixed order (a fast machine finishes a backfill in two stalls).
     */
    Stall freezeDuringAny(Set<Step> steps, BooleanSupplier going) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + FIND_STEP.toNanos();
        while (going.getAsBoolean() && System.nanoTime() < deadline) {
            for (int slot = 0; slot < workers.size(); slot++) {
                String dump = workers.threadDump(slot);
                for (Step step : steps) {
                    if (inStep(dump, step)) {
                        return freeze(step, slot);
                    }
                }
            }
            Thread.sleep(100);
        }
        return null;
    }

    private Stall freeze(Step step, int slot) throws IOException, InterruptedException {
        long began = System.nanoTime();
        workers.stop(slot);
        Thread.sleep(FROZEN.toMillis());
        workers.resume(slot);
        Stall stall = new Stall(step, slot, workers.deployment(slot), workers.slot(slot).pid(), (System.nanoTime() - began) / 1e9);
        done.add(stall);
        return stall;
    }

    /**
     * What the stalled workers were refused, by worker and what: the proof that their woken attempts committed nothing.
     * The fence's refusals are in the store; a transaction frozen with its worker is ended by its database instead
     * (PostgreSQL's {@code idle_in_transaction_session_timeout}, MariaDB's timeouts), which the worker's log shows as
     * a connection the pool found broken when the worker woke.
     */
    Map<String, Map<String, Long>> refusals() {
        Map<String, Map<String, Long>> refused = new java.util.TreeMap<>();
        for (Stall stall : done) {
            store.query("select what, count(*) from fenced_attempt where holder = ? group by what",
                    r -> refused.computeIfAbsent(stall.holder(), h -> new java.util.TreeMap<>()).put(r.getString(1), r.getLong(2)),
                    stall.holder());
            long ended = endedByTheDatabase(stall);
            if (ended > 0) {
                refused.computeIfAbsent(stall.holder(), h -> new java.util.TreeMap<>()).put(ENDED_BY_THE_DATABASE, ended);
            }
        }
        return refused;
    }

    static final String ENDED_BY_THE_DATABASE = "a frozen transaction ended by its database";

    private long endedByTheDatabase(Stall stall) {
        try (java.util.stream.Stream<String> lines = java.nio.file.Files.lines(workers.logOf(stall.deployment()))) {
            return lines.filter(line -> line.contains("marked as broken because of SQLSTATE(08")).count();
        } catch (IOException e) {
            return 0;
        }
    }

    /** Whether any thread of the dump is inside {@code step}. */
    static boolean inStep(String dump, Step step) {
        for (String thread : dump.split("\n\n")) {
            if (thread.startsWith("\"") && step.inStack.test(thread)) {
                return true;
            }
        }
        return false;
    }

    List<Stall> done() {
        return done;
    }
}
