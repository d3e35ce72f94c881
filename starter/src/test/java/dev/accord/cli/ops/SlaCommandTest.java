package dev.accord.cli.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.store.AccordStore;
import dev.accord.store.FreshnessChecks;
import dev.accord.cli.AccordCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** {@code accord sla status} over a store holding the freshness checks a worker recorded. */
class SlaCommandTest {

    private final String url = "jdbc:h2:mem:sla" + UUID.randomUUID().toString().substring(0, 8) + ";DB_CLOSE_DELAY=-1";
    private final Path contract = Path.of("..", "examples", "customers.contract.yaml");

    @Test
    void listsEveryFlowWithAnSlaWithItsLastCheckAndItsBreaches() throws Exception {
        AccordStore store = open();
        Instant now = Instant.now();
        store.inTransaction(c -> {
            store.freshness().record(c, check("crm-customers", now.minus(Duration.ofHours(30)), true));
            store.freshness().record(c, check("crm-customers", now.minus(Duration.ofMinutes(10)), false));
            long breach = store.freshness().record(c, check("crm-customers", now.minus(Duration.ofMinutes(2)), true));
            store.freshness().caughtUp(c, breach, "sync/crm-customers", "run-7");
            return null;
        });

        String out = run("sla", "status", "--store", url, "--contract", contract.toString());

        assertThat(out.lines().toList()).hasSize(3);
        assertThat(out).contains("crm-customers", "billing-customers").doesNotContain("support-customers");
        String crm = out.lines().filter(l -> l.startsWith("crm-customers")).findFirst().orElseThrow();
        assertThat(crm.split("\\s+")).containsSubsequence("crm-customers", "5m00s", "never", "yes", "YES");
        assertThat(crm).as("breaches in the last 24 h").contains(" 1  sync/crm-customers at ");
        assertThat(run("sla", "status", "--store", url, "--contract", contract.toString(), "--since", "2d"))
                .as("breaches in the last 2 days").contains(" 2  sync/crm-customers at ");
        String billing = out.lines().filter(l -> l.startsWith("billing-customers")).findFirst().orElseThrow();
        assertThat(billing.split("\\s+")).containsExactly("billing-customers", "15m00s", "never", "-", "-", "never", "0", "-");
    }

    private AccordStore open() {
        JdbcDataSource source = new JdbcDataSource();
        source.setURL(url);
        source.setUser("sa");
        return AccordStore.open(source, url);
    }

    private static FreshnessChecks.Check check(String flow, Instant at, boolean breached) {
        return new FreshnessChecks.Check(0, flow, at, 300L, breached ? 900L : 60L, null, true, breached, "2026-01-01T00:00:00",
                "C000001", "2026-01-01T00:05:00", "C000002", null, "freshness/" + flow, "r", null, null);
    }

    private static String run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertThat(AccordCli.commandLine().execute(args)).isZero();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
