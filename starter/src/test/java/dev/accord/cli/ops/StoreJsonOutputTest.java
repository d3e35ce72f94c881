package dev.accord.cli.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accord.store.AccordStore;
import dev.accord.store.DryRunDiffs;
import dev.accord.store.FreshnessChecks;
import dev.accord.store.Runs;
import dev.accord.cli.Cli;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code -o json} of the commands that read the store: the whole of standard output is one JSON document with the
 * fields docs/cli.md lists.
 */
class StoreJsonOutputTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final String url = "jdbc:h2:mem:json" + UUID.randomUUID().toString().substring(0, 8) + ";DB_CLOSE_DELAY=-1";
    private final String contract = Path.of("..", "examples", "customers.contract.yaml").toString();
    private AccordStore store;

    @BeforeEach
    void twoRuns() {
        JdbcDataSource source = new JdbcDataSource();
        source.setURL(url);
        source.setUser("sa");
        store = AccordStore.open(source, url);
        store.inTransaction(c -> {
            store.runs().start(c, run("run-1", false));
            store.runs().finish(c, "run-1", "finished", 4, "{\"applied\":40,\"duplicate\":2}");
            store.runs().start(c, run("run-2", true));
            store.dryRunDiffs().add(c, List.of(new DryRunDiffs.Diff("run-2", 1, "billing", "C000001", "update",
                    "{\"plan\":\"basic\"}", "{\"plan\":\"pro\"}")));
            return null;
        });
    }

    @Test
    void runsListIsAnArrayOfRuns() throws Exception {
        JsonNode runs = json("runs", "list", "--store", url, "-o", "json");

        assertThat(runs.isArray()).isTrue();
        assertThat(runs).hasSize(2);
        JsonNode finished = find(runs, "run-1");
        assertThat(fieldNames(finished)).containsExactly("runId", "workflowId", "executionRunId", "flow", "kind", "state", "dryRun",
                "pages", "contractVersion", "contractHash", "schemaVersion", "options", "startPosition", "startKey", "counts",
                "workerVersion", "deploymentId", "startedAt", "finishedAt");
        assertThat(finished.get("state").asText()).isEqualTo("finished");
        assertThat(finished.get("pages").asLong()).isEqualTo(4);
        assertThat(finished.get("counts").get("applied").asLong()).as("counts are nested JSON, not a string").isEqualTo(40);
        assertThat(finished.get("options").get("batchSize").asInt()).isEqualTo(100);
        assertThat(Instant.parse(finished.get("startedAt").asText())).isBeforeOrEqualTo(Instant.now());
        assertThat(find(runs, "run-2").get("finishedAt").isNull()).isTrue();
    }

    @Test
    void runsShowIsTheRunWithTheDryRunsSamples() throws Exception {
        JsonNode shown = json("runs", "show", "run-2", "--store", url, "--output", "json");

        assertThat(fieldNames(shown)).containsExactly("run", "dryRunSamples");
        assertThat(shown.get("run").get("dryRun").asBoolean()).isTrue();
        JsonNode sample = shown.get("dryRunSamples").get(0);
        assertThat(sample.get("target").asText()).isEqualTo("billing");
        assertThat(sample.get("key").asText()).isEqualTo("C000001");
        assertThat(sample.get("after").get("plan").asText()).isEqualTo("pro");
        assertThat(json("runs", "show", "run-1", "--store", url, "-o", "json").get("dryRunSamples")).isEmpty();
    }

    @Test
    void killSwitchStatusIsOneObject() throws Exception {
        JsonNode never = json("killswitch", "status", "--store", url, "-o", "json");
        Cli.run("killswitch", "on", "--store", url, "--reason", "incident 4711");
        JsonNode on = json("killswitch", "status", "--store", url, "-o", "json");

        assertThat(fieldNames(never)).containsExactly("engaged", "reason", "changedBy", "changedAt");
        assertThat(never.get("engaged").asBoolean()).isFalse();
        assertThat(on.get("engaged").asBoolean()).isTrue();
        assertThat(on.get("reason").asText()).isEqualTo("incident 4711");
        assertThat(Instant.parse(on.get("changedAt").asText())).isBeforeOrEqualTo(Instant.now());
    }

    @Test
    void slaStatusIsAnArrayWithOneObjectPerFlowWithAnSla() throws Exception {
        Instant checked = Instant.now().minus(Duration.ofMinutes(2));
        store.inTransaction(c -> store.freshness().record(c, new FreshnessChecks.Check(0, "crm-customers", checked, 300L, 900L, null,
                true, true, "2026-01-01T00:00:00", "C000001", "2026-01-01T00:05:00", "C000002", null, "freshness/crm-customers", "r",
                null, null)));

        JsonNode flows = json("sla", "status", "--store", url, "--contract", contract, "-o", "json");

        assertThat(flows).extracting(f -> f.get("flow").asText()).containsExactly("crm-customers", "billing-customers");
        JsonNode crm = flows.get(0);
        assertThat(fieldNames(crm)).containsExactly("flow", "slaSeconds", "freshnessSeconds", "behind", "breached", "lastCheckAt",
                "breaches", "catchUpWorkflowId", "catchUpAt");
        assertThat(crm.get("slaSeconds").asLong()).isEqualTo(300);
        assertThat(crm.get("freshnessSeconds").isNull()).as("never applied anything").isTrue();
        assertThat(crm.get("breached").asBoolean()).isTrue();
        assertThat(crm.get("breaches").asLong()).isEqualTo(1);
        assertThat(flows.get(1).get("breached").isNull()).as("never checked").isTrue();
    }

    @Test
    void aFailureLeavesStandardOutputEmpty() {
        Cli run = Cli.run("runs", "show", "no-such-run", "--store", url, "-o", "json");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("no run no-such-run");
    }

    private static JsonNode json(String... args) throws Exception {
        Cli run = Cli.run(args);
        assertThat(run.exitCode()).as(String.join(" ", args) + ": " + run.err()).isZero();
        return JSON.readTree(run.out());
    }

    private static JsonNode find(JsonNode runs, String runId) {
        for (JsonNode run : runs) {
            if (run.get("runId").asText().equals(runId)) {
                return run;
            }
        }
        throw new AssertionError("no run " + runId + " in " + runs);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Runs.Run run(String runId, boolean dryRun) {
        return new Runs.Run(runId, "sync/crm-customers", "exec-" + runId, "crm-customers", "sync", "running", dryRun, "sha256:abc", "7",
                1, "{\"batchSize\":100}", "2026-01-01T00:00:00", "C000000", 0, "{}", "test", "it", null, null);
    }
}
