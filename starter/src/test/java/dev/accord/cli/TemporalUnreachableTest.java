package dev.accord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** With no Temporal at the address, a command says so in one line, names the way out, and fails fast. */
class TemporalUnreachableTest {

    private final String contract = Path.of("..", "examples", "customers.contract.yaml").toString();

    @Test
    void startingASyncFailsFastWithOneLineNamingTheAddressAndHowToStartAWorker() throws IOException {
        String address = "127.0.0.1:" + freePort();

        Cli run = Cli.run("sync", "start", "crm-customers", "--temporal", address, "--contract", contract, "--connect-timeout", "2");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).singleElement().asString()
                .startsWith("accord: cannot reach Temporal at " + address)
                .contains("./accord worker", "TEMPORAL_ADDRESS")
                .doesNotContain("workflowId=");
        assertThat(run.took()).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void everyCommandThatTalksToTemporalSaysTheSame() throws IOException {
        String address = "127.0.0.1:" + freePort();

        for (String[] args : new String[][] {
            {"sync", "status", "crm-customers"}, {"sync", "pause", "crm-customers"},
            {"backfill", "start", "crm-customers", "--contract", contract}}) {
            String[] withAddress = Stream.concat(Arrays.stream(args), Stream.of("--temporal", address, "--connect-timeout", "2"))
                    .toArray(String[]::new);

            Cli run = Cli.run(withAddress);

            assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(1);
            assertThat(run.err().lines()).as(String.join(" ", args)).singleElement().asString()
                    .startsWith("accord: cannot reach Temporal at " + address);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
