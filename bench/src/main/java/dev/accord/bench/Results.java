package dev.accord.bench;

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

    /** The whole run. */
    record Run(String date, int rows, Map<String, Object> machine, java.util.List<Throughput> throughput,
               Map<String, AccordBackfill> accord, Lag lag, Map<String, Double> ratios, java.util.List<Target> targets) {}
}
