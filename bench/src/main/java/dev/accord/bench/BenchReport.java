package dev.accord.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.accord.bench.Results.AccordBackfill;
import dev.accord.bench.Results.Lag;
import dev.accord.bench.Results.Run;
import dev.accord.bench.Results.Scaling;
import dev.accord.bench.Results.Target;
import dev.accord.bench.Results.Throughput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** A run's results as JSON ({@code <date>.json}) and as the Markdown tables printed and kept beside it ({@code <date>.md}). */
final class BenchReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BenchReport() {}

    static String json(Run run) {
        try {
            return JSON.writeValueAsString(run);
        } catch (IOException e) {
            throw new BenchException("cannot write the results as JSON", e);
        }
    }

    /** Writes {@code <date>.json} and {@code <date>.md} into {@code folder}; returns the JSON file. */
    static Path write(Run run, Path folder) throws IOException {
        Files.createDirectories(folder);
        Path json = folder.resolve(run.date() + ".json");
        Files.writeString(json, json(run) + "\n");
        Files.writeString(folder.resolve(run.date() + ".md"), markdown(run));
        return json;
    }

    static String markdown(Run run) {
        StringBuilder md = new StringBuilder();
        md.append("## Benchmark ").append(run.date()).append(": ").append(String.format(Locale.ROOT, "%,d", run.rows()))
                .append(" customers\n\n").append("Machine: ").append(run.machine()).append("\n\n");
        md.append("| contender | target | records | seconds | records/s |\n| --- | --- | ---: | ---: | ---: |\n");
        List<Throughput> rows = new ArrayList<>(run.throughput());
        run.accord().values().forEach(a -> {
            rows.add(a.backfill());
            if (a.rollback() != null) {
                rows.add(a.rollback());
            }
        });
        rows.forEach(t -> md.append(String.format(Locale.ROOT, "| %s | %s | %,d | %.1f | %,.0f |%n", t.contender(), t.target(), t.records(),
                t.seconds(), t.recordsPerSecond())));
        md.append("\n| ratio | value |\n| --- | ---: |\n");
        run.ratios().forEach((name, value) -> md.append(String.format(Locale.ROOT, "| %s | %.3f |%n", name, value)));
        appendLag(md, run.lag());
        appendAccord(md, run.accord());
        appendScaling(md, run.scaling());
        md.append("\n| target | bar | measured | met |\n| --- | --- | ---: | --- |\n");
        for (Target t : run.targets()) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %.3f | %s |%n", t.what(), t.bar(), t.value(), t.met() ? "yes" : "**no**"));
        }
        return md.toString();
    }

    private static void appendLag(StringBuilder md, Lag lag) {
        if (lag == null) {
            return;
        }
        md.append(String.format(Locale.ROOT, "%nIncremental lag, source commit → visible in the MariaDB target, while %,d changes "
                + "were written in %.1f s (%.0f/s, asked %d/s):%n%n", lag.written(), lag.seconds(), lag.writtenPerSecond(), lag.targetPerSecond()));
        md.append("| measured | not seen | p50 ms | p95 ms | p99 ms | max ms |\n| ---: | ---: | ---: | ---: | ---: | ---: |\n");
        md.append(String.format(Locale.ROOT, "| %,d | %,d | %.1f | %.1f | %.1f | %.1f |%n", lag.measured(), lag.notSeen(), lag.p50(),
                lag.p95(), lag.p99(), lag.max()));
    }

    private static void appendScaling(StringBuilder md, List<Scaling> scaling) {
        if (scaling == null || scaling.isEmpty()) {
            return;
        }
        md.append(String.format(Locale.ROOT, "%nThe PostgreSQL backfill with %s worker processes (each count with its own Temporal test server"
                + " process, store and target; speed-up over %d):%n%n", scaling.stream().map(s -> String.valueOf(s.workers()))
                .collect(Collectors.joining(", ")), scaling.get(0).workers()));
        md.append("| workers | records | seconds | records/s | speed-up | activities per worker | lock waits max | lock waits mean"
                + " | samples waiting | CAS conflicts | failed activities | fenced attempts | CPU s workers | CPU s Temporal | CPU s others"
                + " | machine busy |\n"
                + "| ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        scaling.forEach(s -> md.append(row(s)));
    }

    private static String row(Scaling s) {
        String fenced = s.fencedAttempts() == null ? "n/a (no table)" : String.format(Locale.ROOT, "%,d", s.fencedAttempts());
        return String.format(Locale.ROOT, "| %d | %,d | %.1f | %,.0f | %.2f | %s | %d | %.2f | %.0f %% | %,d | %,d | %s"
                        + " | %.1f | %.1f | %.1f | %.0f %% |%n",
                s.workers(), s.backfill().records(), s.backfill().seconds(), s.backfill().recordsPerSecond(), s.speedUp(),
                s.activitiesPerWorker().stream().map(String::valueOf).collect(Collectors.joining(" / ")),
                s.lockWaits().max(), s.lockWaits().mean(), s.lockWaits().shareOfSamplesWaiting() * 100, s.casConflicts(),
                s.activityFailures(), fenced, s.cpu().workers(), s.cpu().temporal(), s.cpu().others(), s.cpu().machineBusyShare() * 100);
    }

    private static void appendAccord(StringBuilder md, Map<String, AccordBackfill> accord) {
        md.append("\n| Accord backfill into | peak heap used MiB | peak heap after GC MiB | peak RSS MiB | max heap MiB"
                + " | executions | history events | events / 1,000 records | activities | pages | activities / page | history MiB |\n"
                + "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        accord.forEach((kind, a) -> md.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.0f | %.0f | %,d | %,d | %.1f | %,d | %,d | %.2f | %.1f |%n",
                kind, a.memory().peakHeapUsedMiB(), a.memory().peakHeapAfterGcMiB(), a.memory().peakRssMiB(), a.memory().maxHeapMiB(),
                a.workflow().executions(), a.workflow().events(), a.workflow().eventsPer1000Records(), a.workflow().activities(),
                a.workflow().pages(), a.workflow().activitiesPerPage(), a.workflow().historyMiB())));
    }
}
