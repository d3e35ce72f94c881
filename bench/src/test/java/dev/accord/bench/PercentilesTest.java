package dev.accord.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void nearestRankOfOneToHundredIsTheRankItself() {
        Percentiles p = new Percentiles(IntStream.rangeClosed(1, 100).mapToDouble(i -> 101 - i).toArray());

        assertThat(p.at(50)).isEqualTo(50);
        assertThat(p.at(95)).isEqualTo(95);
        assertThat(p.at(99)).isEqualTo(99);
        assertThat(p.at(100)).isEqualTo(100);
        assertThat(p.max()).isEqualTo(100);
    }

    @Test
    void aFewSamplesRoundTheRankUp() {
        Percentiles p = new Percentiles(new double[] {30, 10, 20});

        assertThat(p.at(50)).isEqualTo(20);
        assertThat(p.at(99)).isEqualTo(30);
        assertThat(p.at(1)).isEqualTo(10);
    }

    @Test
    void oneSlowSampleInAThousandShowsAtP99NineOnlyAboveIt() {
        double[] samples = new double[1000];
        java.util.Arrays.fill(samples, 100);
        samples[0] = 5000;
        Percentiles p = new Percentiles(samples);

        assertThat(p.at(99)).isEqualTo(100);
        assertThat(p.at(99.95)).isEqualTo(5000);
    }

    @Test
    void withoutSamplesThereIsNoPercentile() {
        Percentiles p = new Percentiles(new double[0]);

        assertThat(p.count()).isZero();
        assertThat(p.at(99)).isNaN();
        assertThatThrownBy(() -> p.at(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
