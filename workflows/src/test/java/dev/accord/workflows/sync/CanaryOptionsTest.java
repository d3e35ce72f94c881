package dev.accord.workflows.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CanaryOptionsTest {

    @Test
    void aShareOfKeysThatDifferOnlyInTheirLastDigitsIsAboutThatShare() {
        CanaryOptions canary = new CanaryOptions(30.0, null);

        for (int from = 1; from < 100_000; from += 5_000) {
            List<String> page = IntStream.range(from, from + 500).mapToObj(i -> String.format("C%06d", i)).toList();
            long inCanary = page.stream().filter(key -> canary.includes(key, true)).count();
            assertThat(inCanary).as("canary keys among %s..%s", page.get(0), page.get(page.size() - 1)).isBetween(120L, 180L);
        }
    }

    @Test
    void theSameKeysForTheSamePercentage() {
        List<String> keys = IntStream.rangeClosed(1, 60).mapToObj(i -> String.format("C%06d", i)).toList();

        List<String> first = keys.stream().filter(key -> new CanaryOptions(5.0, null).includes(key, true)).toList();
        List<String> again = keys.stream().filter(key -> new CanaryOptions(5.0, null).includes(key, true)).toList();

        assertThat(first).isNotEmpty().hasSizeLessThan(10).isEqualTo(again);
    }

    @Test
    void listedKeysAreTheCanaryWhateverThePercentage() {
        CanaryOptions canary = new CanaryOptions(100.0, List.of("C000003", "C000004"));

        assertThat(List.of("C000001", "C000003", "C000004", "C000005")).filteredOn(key -> canary.includes(key, true))
                .containsExactly("C000003", "C000004");
    }
}
