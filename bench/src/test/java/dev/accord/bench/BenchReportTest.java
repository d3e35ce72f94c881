package dev.accord.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accord.bench.Results.AccordBackfill;
import dev.accord.bench.Results.Cpu;
import dev.accord.bench.Results.Lag;
import dev.accord.bench.Results.LockWaits;
import dev.accord.bench.Results.Memory;
import dev.accord.bench.Results.Run;
import dev.accord.bench.Results.Scaling;
import dev.accord.bench.Results.Target;
import dev.accord.bench.Results.Throughput;
import dev.accord.bench.Results.WorkflowCost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchReportTest {

    private static final List<Throughput> BASELINES = List.of(
            Throughput.of(Scorecard.COPY, "postgres", 1000, 0.1),
            Throughput.of(Scorecard.RAW, "postgres", 1000, 0.5),
            Throughput.of(Scorecard.SPRING_BATCH, "postgres", 1000, 1.0));

    private static AccordBackfill accord(double seconds, Double rollbackSeconds, double heapAfterGc) {
        return new AccordBackfill(Throughput.of("Accord backfill", "postgres", 1000, seconds), Map.of("applied", 1000L),
                new Memory(900, heapAfterGc, 1500, 6000), new WorkflowCost(3, 700, 110, 20, 700, 5.5, 2.2),
                rollbackSeconds == null ? null : Throughput.of("Accord rollback", "postgres", 1000, rollbackSeconds), 0);
    }

    @Test
    void ratiosCompareAccordsRecordsPerSecondWithEachBaselines() {
        Map<String, AccordBackfill> accord = new LinkedHashMap<>();
        accord.put("postgres", accord(2.0, 8.0, 100));
        accord.put("mariadb", accord(4.0, null, 100));

        Map<String, Double> ratios = Scorecard.ratios(BASELINES, accord);

        assertThat(ratios).containsEntry("accordToRaw", 0.25).containsEntry("accordToSpringBatch", 0.5)
                .containsEntry("accordToCopy", 0.05).containsEntry("rollbackToBackfill", 0.25).containsEntry("mariadbToPostgres", 0.5);
    }

    @Test
    void targetsSayWhichBarWasMissed() {
        Map<String, AccordBackfill> accord = Map.of("postgres", accord(0.5, 0.5, 600));
        Map<String, Double> ratios = Scorecard.ratios(BASELINES, accord);
        Lag lag = new Lag(1000, 60, 60000, 1000, 59990, 10, 100, 400, 900, 2000);

        List<Target> targets = Scorecard.targets(ratios, lag, accord.get("postgres"));

        assertThat(targets).extracting(Target::met).containsExactly(true, true, false, true, false);
    }

    @Test
    void theJsonHasTheRatiosAtTheTopAndTheMarkdownTheTables(@TempDir Path folder) throws Exception {
        Map<String, AccordBackfill> accord = Map.of("postgres", accord(2.0, 1.0, 100));
        Map<String, Double> ratios = Scorecard.ratios(BASELINES, accord);
        Run run = new Run("2026-01-02", 1000, Machine.describe(), BASELINES, accord, null, ratios,
                Scorecard.targets(ratios, null, accord.get("postgres")), List.of());

        Path written = BenchReport.write(run, folder);

        assertThat(written).hasFileName("2026-01-02.json");
        JsonNode json = new ObjectMapper().readTree(Files.readString(written));
        assertThat(json.path("ratios").path("accordToRaw").asDouble()).isEqualTo(0.25);
        assertThat(json.path("ratios").path("accordToSpringBatch").asDouble()).isEqualTo(0.5);
        assertThat(json.path("rows").asInt()).isEqualTo(1000);
        assertThat(json.path("accord").path("postgres").path("backfill").path("recordsPerSecond").asDouble()).isEqualTo(500);
        assertThat(json.path("accord").path("postgres").path("workflow").path("activitiesPerPage").asDouble()).isEqualTo(5.5);
        assertThat(json.path("targets")).hasSize(4);
        String markdown = Files.readString(folder.resolve("2026-01-02.md"));
        assertThat(markdown).contains("| Accord backfill | postgres | 1,000 | 2.0 | 500 |").contains("| accordToRaw | 0.250 |")
                .doesNotContain("worker processes");
        assertThat(json.path("scaling")).isEmpty();
    }

    @Test
    void theScalingFiguresGoIntoTheJsonAndATableWithSpeedUpsOverTheFirstCount(@TempDir Path folder) throws Exception {
        Map<String, AccordBackfill> accord = Map.of("postgres", accord(2.0, 1.0, 100));
        Map<String, Double> ratios = Scorecard.ratios(BASELINES, accord);
        List<Scaling> scaling = Scorecard.speedUps(List.of(
                scaling(1, 10.0, null, LockWaits.of(List.of(0, 0, 1, 0))),
                scaling(2, 8.0, 3L, LockWaits.of(List.of(0, 2, 3, 1)))));
        Run run = new Run("2026-01-03", 1000, Machine.describe(), BASELINES, accord, null, ratios,
                Scorecard.targets(ratios, null, accord.get("postgres")), scaling);

        BenchReport.write(run, folder);

        JsonNode json = new ObjectMapper().readTree(Files.readString(folder.resolve("2026-01-03.json")));
        assertThat(json.path("scaling")).hasSize(2);
        JsonNode two = json.path("scaling").get(1);
        assertThat(two.path("workers").asInt()).isEqualTo(2);
        assertThat(two.path("backfill").path("recordsPerSecond").asDouble()).isEqualTo(125);
        assertThat(two.path("speedUp").asDouble()).isEqualTo(1.25);
        assertThat(two.path("lockWaits").path("max").asInt()).isEqualTo(3);
        assertThat(two.path("lockWaits").path("mean").asDouble()).isEqualTo(1.5);
        assertThat(two.path("lockWaits").path("shareOfSamplesWaiting").asDouble()).isEqualTo(0.75);
        assertThat(two.path("activitiesPerWorker")).hasSize(2);
        assertThat(two.path("casConflicts").asLong()).isEqualTo(7);
        assertThat(two.path("fencedAttempts").asLong()).isEqualTo(3);
        assertThat(json.path("scaling").get(0).path("fencedAttempts").isNull()).isTrue();
        assertThat(json.path("scaling").get(0).path("speedUp").asDouble()).isEqualTo(1.0);
        String markdown = Files.readString(folder.resolve("2026-01-03.md"));
        assertThat(markdown).contains("with 1, 2 worker processes")
                .contains("| 1 | 1,000 | 10.0 | 100 | 1.00 | 22 | 1 | 0.25 | 25 % | 7 | 9 | n/a (no table) | 4.0 | 0.5 | 11.5 | 80 % |")
                .contains("| 2 | 1,000 | 8.0 | 125 | 1.25 | 12 / 11 | 3 | 1.50 | 75 % | 7 | 9 | 3 | 4.0 | 0.5 | 11.5 | 80 % |");
    }

    private static Scaling scaling(int workers, double seconds, Long fenced, LockWaits waits) {
        List<Long> activities = workers == 1 ? List.of(22L) : List.of(12L, 11L);
        return new Scaling(workers, Throughput.of("Accord backfill", "postgres", 1000, seconds), Double.NaN, activities, waits, 7, 9, fenced,
                new Cpu(4.0, 0.5, 11.5, 0.8));
    }
}
