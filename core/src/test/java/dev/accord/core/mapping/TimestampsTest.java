package dev.accord.core.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import org.junit.jupiter.api.Test;

/** {@link Timestamps#toInstant}: the forms a local timestamp arrives in, read in the system's zone. */
class TimestampsTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void fractionsOfASecondAreKept() {
        assertThat(Timestamps.toInstant("2024-03-01T10:00:00.123", BERLIN)).isEqualTo("2024-03-01T09:00:00.123Z");
        assertThat(Timestamps.toInstant("2024-03-01 10:00:00.123456789", BERLIN)).isEqualTo("2024-03-01T09:00:00.123456789Z");
    }

    @Test
    void postgresTextWithAnHourOffsetIsRead() {
        assertThat(Timestamps.toInstant("2024-03-01 10:00:00+02", BERLIN)).isEqualTo("2024-03-01T08:00:00Z");
    }

    @Test
    void javaUtilDateIsAnInstantAlready() {
        assertThat(Timestamps.toInstant(Date.from(Instant.parse("2024-03-01T10:00:00Z")), BERLIN)).isEqualTo("2024-03-01T10:00:00Z");
    }

    @Test
    void wallClockTimeInTheSpringGapMovesForwardByTheGap() {
        assertThat(Timestamps.toInstant("2024-03-31T02:30:00", BERLIN)).isEqualTo("2024-03-31T01:30:00Z");
    }

    @Test
    void ambiguousWallClockTimeInTheAutumnOverlapTakesTheEarlierOffset() {
        assertThat(Timestamps.toInstant("2024-10-27T02:30:00", BERLIN)).isEqualTo("2024-10-27T00:30:00Z");
    }

    @Test
    void epochNumbersAndUnreadableTextAreNotTimestamps() {
        assertThat(Timestamps.toInstant(1709283600L, BERLIN)).isNull();
        assertThat(Timestamps.toInstant("1709283600", BERLIN)).isNull();
        assertThat(Timestamps.toInstant("soon", BERLIN)).isNull();
    }
}
