package dev.accord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A flow the contract does not have is refused before Temporal is even contacted: the address given here has no
 * server, so reaching it would fail differently (and only after the connect timeout).
 */
class UnknownFlowTest {

    private final String contract = Path.of("..", "examples", "customers.contract.yaml").toString();

    @Test
    void syncStartRefusesAnUnknownFlowAndListsTheContractsFlows() throws IOException {
        Cli run = Cli.run("sync", "start", "crm-customer", "--contract", contract, "--temporal", nowhere());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).singleElement().asString()
                .startsWith("accord: no flow 'crm-customer' in contract ")
                .contains("crm-customers, billing-customers, support-customers", "--contract");
        assertThat(run.took()).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void backfillStartAndQuarantineReplayRefuseItToo() throws IOException {
        Cli backfill = Cli.run("backfill", "start", "nope", "--contract", contract, "--temporal", nowhere());
        Cli replay = Cli.run("quarantine", "replay", "--flow", "nope", "--contract", contract, "--temporal", nowhere(),
                "--store", "jdbc:h2:mem:unknown-flow;DB_CLOSE_DELAY=-1");

        assertThat(backfill.exitCode()).isEqualTo(1);
        assertThat(backfill.err()).startsWith("accord: no flow 'nope' in contract ").contains("crm-customers");
        assertThat(replay.exitCode()).isEqualTo(1);
        assertThat(replay.err()).startsWith("accord: no flow 'nope' in contract ").contains("crm-customers");
    }

    @Test
    void aContractThatCannotBeReadIsSaidSoBeforeAnythingStarts() throws IOException {
        Cli run = Cli.run("sync", "start", "crm-customers", "--contract", "no/such.contract.yaml", "--temporal", nowhere());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("no/such.contract.yaml", "contract file not found");
    }

    private static String nowhere() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "127.0.0.1:" + socket.getLocalPort();
        }
    }
}
