package dev.accord.bench;

import java.util.List;
import java.util.Map;

/** What one benchmark run measured; serialised as bench/results/&lt;date&gt;.json. */
final class Results {

    private Results() {}

    /** Rows moved by one contender into one target, and how fast. */
    record Throughput(String contender, String target, long records, double seconds, double recordsPerSecond) {

        static Throughput of(String contender, String target, long records, double seconds) {
            return new Throughput(contender, target, records, seconds, seconds > 0 ? records / seconds : 0);
        }
    }

    /** Memory of this process while the backfill ran, in MiB. */
    record Memory(double peakHeapUsedMiB, double peakHeapAfterGcMiB, double peakRssMiB, double maxHeapMiB) {

        static Memory of(MemorySampler.Peaks peaks) {
            return new Memory(mib(peaks.heapUsed()), mib(peaks.heapAfterGc()), peaks.rss() < 0 ? -1 : mib(peaks.rss()), mib(peaks.heapMax()));
        }

        private static double mib(long bytes) {
            return Math.round(bytes / 1048576.0 * 10) / 10.0;
        }
    }

    /** Temporal's share of a backfill: histories of the workflow, its chunks and their continuations. */
    record WorkflowCost(long executions, long events, long activities, long pages, double eventsPer1000Records,
                        double activitiesPerPage, double historyMiB) {}

    /** A backfill through Accord and its rollback. */
    record AccordBackfill(Throughput backfill, Map<String, Long> counts, Memory memory, WorkflowCost workflow,
                          Throughput rollback, long rollbackConflicts) {}

    /** Source commit → visible in the target, in milliseconds, while a continuous sync ran. */
    record Lag(int targetPerSecond, double seconds, long written, double writtenPerSecond, long measured, long notSeen,
               double p50, double p95, double p99, double max) {}

    /** One of the targets: the bar, the measured value, and whether it was met. */
    record Target(String what, String bar, double value, boolean met) {}

    /** Sessions of the benchmark's database waiting for a lock, sampled every 100 ms while a backfill ran. */
    record LockWaits(int samples, int max, double mean, double shareOfSamplesWaiting) {

        static LockWaits of(List<Integer> samples) {
            int max = samples.stream().mapToInt(Integer::intValue).max().orElse(0);
            double mean = samples.stream().mapToInt(Integer::intValue).average().orElse(0);
            long waiting = samples.stream().filter(n -> n > 0).count();
            return new LockWaits(samples.size(), max, Math.round(mean * 1000) / 1000.0,
                    samples.isEmpty() ? 0 : Math.round(waiting * 1000.0 / samples.size()) / 1000.0);
        }
    }

    /**
     * CPU used while a backfill ran, in core-seconds: by the worker processes together, by the Temporal server,
     * and by everything else on the machine (PostgreSQL, the harness, other work); {@code machineBusyShare} is
     * the share of all cores that was busy. NaN where the system does not say.
     */
    record Cpu(double workers, double temporal, double others, double machineBusyShare) {}

    /**
     * The backfill with {@code workers} worker processes against one Temporal server: its throughput,
     * {@code speedUp} over the first (smallest) count measured, and the store's contention: lock waits,
     * golden-record compare-and-set conflicts (failed activity attempts of type ConcurrentUpdateException),
     * every failed activity attempt, and fenced attempts ({@code null} when the store has no
     * {@code fenced_attempt} table); {@code activitiesPerWorker}, the activity executions each worker ran,
     * shows how Temporal spread the work.
     */
    record Scaling(int workers, Throughput backfill, double speedUp, List<Long> activitiesPerWorker, LockWaits lockWaits,
                   long casConflicts, long activityFailures, Long fencedAttempts, Cpu cpu) {

        Scaling withSpeedUp(double value) {
            return new Scaling(workers, backfill, value, activitiesPerWorker, lockWaits, casConflicts, activityFailures, fencedAttempts, cpu);
        }
    }

    /** The whole run; {@code scaling} is empty unless --workers asked for it. */
    record Run(String date, int rows, Map<String, Object> machine, List<Throughput> throughput,
               Map<String, AccordBackfill> accord, Lag lag, Map<String, Double> ratios, List<Target> targets,
               List<Scaling> scaling) {}
}
