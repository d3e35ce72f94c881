package dev.accord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Progress is redrawn in place only on a terminal; piped, it is plain lines, one per interval at most. */
class ProgressOutputTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void plainLinesHaveNoCarriageReturnsAndComeAtMostOncePerInterval() {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        Instant[] now = {start};
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        ProgressOutput plain = new ProgressOutput.PlainLines(out, clock, Duration.ofSeconds(10));

        plain.show("running    pages      1  records       100   ");
        now[0] = start.plusSeconds(3);
        plain.show("running    pages      2  records       200   ");
        now[0] = start.plusSeconds(11);
        plain.show("running    pages      3  records       300   ");
        now[0] = start.plusSeconds(30);
        plain.show("running    pages      3  records       300   ");
        plain.done();

        assertThat(text()).doesNotContain("\r").isEqualTo("""
                running    pages      1  records       100
                running    pages      3  records       300
                """);
    }

    @Test
    void aLiveLineIsRedrawnInPlaceAndEndsWithALineBreak() {
        ProgressOutput live = new ProgressOutput.LiveLine(out);

        live.show("[#.] 1/2 chunks");
        live.show("[##] 2/2 chunks");
        live.done();

        assertThat(text()).isEqualTo("\r[#.] 1/2 chunks\r[##] 2/2 chunks" + System.lineSeparator());
    }

    @Test
    void testsAndPipesHaveNoConsoleSoTheyGetPlainLines() {
        assertThat(ProgressOutput.forStandardOutput(out, Clock.systemUTC())).isInstanceOf(ProgressOutput.PlainLines.class);
    }

    private String text() {
        return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }
}
