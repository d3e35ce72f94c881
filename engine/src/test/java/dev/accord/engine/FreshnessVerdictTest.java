package dev.accord.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.connectors.SourceCursor;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FreshnessVerdictTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    private static final Duration SLA = Duration.ofMinutes(5);

    @Test
    void aCaughtUpFlowIsFreshHoweverOldItsNewestChange() {
        SourceCursor at = new SourceCursor("2026-01-01T10:00:00", "C000009");

        FreshnessVerdict verdict = FreshnessVerdict.of(SLA, at, at, NOW.minus(Duration.ofHours(2)), NOW);

        assertThat(verdict).isEqualTo(new FreshnessVerdict(7_200L, 0L, false, false));
    }

    @Test
    void aFlowBehindWithAnOldNewestChangeBreachesAndReportsItsLag() {
        FreshnessVerdict verdict = FreshnessVerdict.of(SLA, new SourceCursor("2026-01-01T11:50:00", "C000003"),
                new SourceCursor("2026-01-01T11:40:00", "C000009"), NOW.minus(Duration.ofMinutes(20)), NOW);

        assertThat(verdict).isEqualTo(new FreshnessVerdict(1_200L, 600L, true, true));
    }

    @Test
    void aFlowBehindButWithinItsSlaIsNotBreached() {
        FreshnessVerdict verdict = FreshnessVerdict.of(SLA, new SourceCursor("41", "C000003"), new SourceCursor("40", "C000009"),
                NOW.minus(Duration.ofMinutes(2)), NOW);

        assertThat(verdict).isEqualTo(new FreshnessVerdict(120L, null, true, false));
    }

    @Test
    void aFlowThatNeverAppliedAnythingFromASourceWithRowsIsBreached() {
        FreshnessVerdict verdict = FreshnessVerdict.of(SLA, new SourceCursor("7", "C000001"), SourceCursor.BEGINNING, null, NOW);

        assertThat(verdict.breached()).isTrue();
        assertThat(verdict.freshnessSeconds()).isNull();
    }

    @Test
    void withoutAnSlaNothingIsBreached() {
        FreshnessVerdict verdict = FreshnessVerdict.of(null, new SourceCursor("7", "C000001"), SourceCursor.BEGINNING, null, NOW);

        assertThat(verdict.behind()).isTrue();
        assertThat(verdict.breached()).isFalse();
    }
}
