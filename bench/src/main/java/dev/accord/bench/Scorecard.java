package dev.accord.bench;

import dev.accord.bench.Results.AccordBackfill;
import dev.accord.bench.Results.Lag;
import dev.accord.bench.Results.Scaling;
import dev.accord.bench.Results.Target;
import dev.accord.bench.Results.Throughput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ratios between the contenders and the targets, from measured figures only. Accord's figures are
 * those of the PostgreSQL → PostgreSQL backfill, the same path every baseline takes.
 */
final class Scorecard {

    static final String RAW = "raw JDBC batched upsert";
    static final String COPY = "PostgreSQL COPY";
    static final String SPRING_BATCH = "Spring Batch chunk job";

    private Scorecard() {}

    /** accordToRaw, accordToSpringBatch, accordToCopy, rollbackToBackfill and, with MariaDB, mariadbToPostgres. */
    static Map<String, Double> ratios(List<Throughput> baselines, Map<String, AccordBackfill> accord) {
        Map<String, Double> ratios = new LinkedHashMap<>();
        AccordBackfill postgres = accord.get("postgres");
        double accordSpeed = postgres.backfill().recordsPerSecond();
        ratios.put("accordToRaw", ratio(accordSpeed, speed(baselines, RAW)));
        ratios.put("accordToSpringBatch", ratio(accordSpeed, speed(baselines, SPRING_BATCH)));
        ratios.put("accordToCopy", ratio(accordSpeed, speed(baselines, COPY)));
        if (postgres.rollback() != null) {
            ratios.put("rollbackToBackfill", ratio(postgres.rollback().recordsPerSecond(), accordSpeed));
        }
        if (accord.containsKey("mariadb")) {
            ratios.put("mariadbToPostgres", ratio(accord.get("mariadb").backfill().recordsPerSecond(), accordSpeed));
        }
        return ratios;
    }

    /** The bar for each figure, and whether this run met it. */
    static List<Target> targets(Map<String, Double> ratios, Lag lag, AccordBackfill postgres) {
        List<Target> targets = new ArrayList<>();
        targets.add(atLeast("backfill vs raw batched upsert", ratios.get("accordToRaw"), 0.5, "≥ 0.5×"));
        targets.add(atLeast("backfill vs Spring Batch", ratios.get("accordToSpringBatch"), 1.5, "≥ 1.5×"));
        if (lag != null) {
            targets.add(new Target("incremental lag p99 (ms)", "≤ 1000 ms, every change seen", lag.p99(),
                    lag.measured() > 0 && lag.notSeen() == 0 && lag.p99() <= 1000));
        }
        if (ratios.containsKey("rollbackToBackfill")) {
            targets.add(atLeast("rollback vs backfill speed", ratios.get("rollbackToBackfill"), 0.5, "≥ 0.5×"));
        }
        // Live heap, right after a collection: heap in use between collections only says how lazily the collector ran.
        double heap = postgres.memory().peakHeapAfterGcMiB();
        targets.add(new Target("peak heap after GC during backfill (MiB)", "≤ 512 MiB", heap, heap <= 512));
        return targets;
    }

    /** Each count's records/s over the first count's (the list comes smallest first). */
    static List<Scaling> speedUps(List<Scaling> measured) {
        if (measured.isEmpty()) {
            return measured;
        }
        double first = measured.get(0).backfill().recordsPerSecond();
        return measured.stream().map(s -> s.withSpeedUp(ratio(s.backfill().recordsPerSecond(), first))).toList();
    }

    private static Target atLeast(String what, Double value, double bar, String label) {
        double v = value == null ? Double.NaN : value;
        return new Target(what, label, v, v >= bar);
    }

    private static double speed(List<Throughput> baselines, String contender) {
        return baselines.stream().filter(t -> t.contender().equals(contender)).mapToDouble(Throughput::recordsPerSecond)
                .findFirst().orElse(Double.NaN);
    }

    static double ratio(double numerator, double denominator) {
        if (Double.isNaN(numerator) || Double.isNaN(denominator) || denominator == 0) {
            return Double.NaN;
        }
        return Math.round(numerator / denominator * 1000) / 1000.0;
    }
}
