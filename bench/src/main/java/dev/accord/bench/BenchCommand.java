package dev.accord.bench;

import dev.accord.bench.Results.AccordBackfill;
import dev.accord.bench.Results.Lag;
import dev.accord.bench.Results.Run;
import dev.accord.bench.Results.Scaling;
import dev.accord.bench.Results.Throughput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The benchmark harness: in one run, on the same machine and the same rows, Accord's backfill against a raw
 * batched upsert, PostgreSQL COPY and a Spring Batch job; the backfill's rollback; incremental lag under a
 * steady writer; memory and workflow cost. Prints the tables and writes {@code <out>/<date>.json} and
 * {@code .md}. Needs the local PostgreSQL and MariaDB of the README's set-up; creates and drops its own
 * databases.
 */
@Command(name = "accord-bench", mixinStandardHelpOptions = true,
        description = "Benchmarks Accord against the alternatives on the local PostgreSQL and MariaDB (docs/performance.md).")
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--rows", defaultValue = "1000000", description = "Customers in the source (default: ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--targets", split = ",", defaultValue = "postgres,mariadb",
            description = "Accord's target kinds; the first must be postgres (default: ${DEFAULT-VALUE}).")
    List<String> targets;

    @Option(names = "--lag-rate", defaultValue = "1000", description = "Source changes per second in the lag phase (default: ${DEFAULT-VALUE}).")
    int lagRate;

    @Option(names = "--lag-seconds", defaultValue = "60", description = "Length of the lag phase, on the MariaDB flow; 0 skips it (default: ${DEFAULT-VALUE}).")
    int lagSeconds;

    @Option(names = "--rows-per-chunk", defaultValue = "10000", description = "Backfill rows per chunk workflow (default: ${DEFAULT-VALUE}).")
    int rowsPerChunk;

    @Option(names = "--parallelism", defaultValue = "4", description = "Backfill chunks at once (default: ${DEFAULT-VALUE}).")
    int parallelism;

    @Option(names = "--batch-size", defaultValue = "500", description = "Records per page for Accord, per batch and chunk for the baselines (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--identity", description = {"The source keeps its own ids (as the id authority) and first sightings are",
        "matched by e-mail: every record goes through the cross-reference and the match index; compare with a run without."})
    boolean identity;

    @Option(names = "--out", defaultValue = "bench/results", description = "Folder for <date>.json and <date>.md (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--workers", split = ",", paramLabel = "N[,N…]",
            description = "Also backfill into PostgreSQL with this many worker processes each, smallest first, e.g. 1,2,3: "
                    + "separate worker JVMs and Temporal server from --accord-jar (default: none).")
    List<Integer> workers;

    @Option(names = "--accord-jar", defaultValue = "starter/target/accord.jar",
            description = "The starter's executable jar, for --workers (default: ${DEFAULT-VALUE}).")
    Path accordJar;

    @Option(names = "--database-prefix", defaultValue = "bench_",
            description = "Prefix of the databases it creates and drops (default: ${DEFAULT-VALUE}).")
    String databasePrefix;

    public static void main(String[] args) {
        // Before the worker's Spring Boot configures logging, Logback would print every INFO line of the baselines.
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        int exit = new CommandLine(new BenchCommand()).execute(args);
        System.exit(exit);
    }

    @Override
    public Integer call() throws Exception {
        if (targets.isEmpty() || !"postgres".equals(targets.get(0))) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--targets must start with postgres");
        }
        List<Integer> workerCounts = workerCounts();
        String id = databasePrefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        Path dir = Files.createTempDirectory("accord-bench");
        try (BenchDatabases databases = BenchDatabases.create(id, targets.contains("mariadb"))) {
            log("databases %s; seeding %,d customers", id, rows);
            databases.seed(rows);
            List<Throughput> baselines = baselines(databases);
            Map<String, AccordBackfill> accord = new LinkedHashMap<>();
            Lag[] lag = new Lag[1];
            for (String kind : targets) {
                try (AccordRun run = AccordRun.start(databases, kind, dir, batchSize, identity)) {
                    accord.put(kind, accord(run, kind, databases, lag));
                }
            }
            List<Scaling> scaling = workerCounts.isEmpty() ? List.of()
                    : new ScalingPhase(databases, accordJar, dir, rowsPerChunk, parallelism, batchSize).run(workerCounts);
            Map<String, Double> ratios = Scorecard.ratios(baselines, accord);
            Run result = new Run(LocalDate.now().toString(), rows, Machine.describe(), baselines, accord, lag[0], ratios,
                    Scorecard.targets(ratios, lag[0], accord.get("postgres")), scaling);
            System.out.println();
            System.out.println(BenchReport.markdown(result));
            log("written %s", BenchReport.write(result, out));
            return 0;
        }
    }

    /** The counts of --workers, checked ({@link ScalingPhase#counts}). */
    List<Integer> workerCounts() {
        try {
            return ScalingPhase.counts(workers == null ? List.of() : workers);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--workers: " + e.getMessage());
        }
    }

    /**
     * The backfill into one target kind; into PostgreSQL also its rollback, into MariaDB also the lag phase
     * (whose result goes to {@code lag[0]}).
     */
    private AccordBackfill accord(AccordRun run, String kind, BenchDatabases databases, Lag[] lag) throws Exception {
        AccordBackfill backfill = run.backfill(rowsPerChunk, parallelism);
        log("Accord backfill into %s: %,d records in %.1f s (%,.0f/s); %s", kind, backfill.backfill().records(),
                backfill.backfill().seconds(), backfill.backfill().recordsPerSecond(), backfill.counts());
        log("  memory %s; workflow %s", backfill.memory(), backfill.workflow());
        if ("postgres".equals(kind)) {
            checkSameRows(databases);
            backfill = run.rollback(backfill);
            log("rollback: %,d rows restored in %.1f s (%,.0f/s), %d conflicts; target now %s rows", backfill.rollback().records(),
                    backfill.rollback().seconds(), backfill.rollback().recordsPerSecond(), backfill.rollbackConflicts(),
                    databases.postgres.text("select count(*) from " + BenchDatabases.ACCORD_TARGET));
        }
        if ("mariadb".equals(kind) && lagSeconds > 0) {
            lag[0] = new LagPhase(run.client(), databases).run(rows, lagRate, lagSeconds);
            log("lag: %,d changes, p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, %d not seen", lag[0].written(), lag[0].p50(), lag[0].p95(),
                    lag[0].p99(), lag[0].notSeen());
        }
        return backfill;
    }

    private List<Throughput> baselines(BenchDatabases databases) throws Exception {
        List<Throughput> measured = new ArrayList<>();
        for (Baseline baseline : List.of(new PostgresCopy(), new RawUpsert(batchSize), new SpringBatchJob(batchSize))) {
            long started = System.nanoTime();
            long written = baseline.run(databases);
            Throughput t = Throughput.of(baseline.name(), "postgres", written, (System.nanoTime() - started) / 1e9);
            long inTarget = databases.postgres.count("select count(*) from " + baseline.table());
            if (inTarget != rows) {
                throw new BenchException(baseline.name() + " left " + inTarget + " rows in " + baseline.table() + ", not " + rows);
            }
            log("%s: %,d records in %.1f s (%,.0f/s)", t.contender(), t.records(), t.seconds(), t.recordsPerSecond());
            measured.add(t);
        }
        return measured;
    }

    /** Accord's PostgreSQL target must hold exactly what the raw baseline wrote: the same work was done. */
    private static void checkSameRows(BenchDatabases databases) {
        String accord = databases.fingerprint(BenchDatabases.ACCORD_TARGET);
        String raw = databases.fingerprint(BenchDatabases.RAW_TARGET);
        if (!accord.equals(raw)) {
            throw new BenchException("Accord's target (" + accord + ") differs from the raw baseline's (" + raw + ")");
        }
    }

    static void log(String format, Object... arguments) {
        System.out.printf("[bench] %s%n", String.format(format, arguments));
        System.out.flush();
    }
}
