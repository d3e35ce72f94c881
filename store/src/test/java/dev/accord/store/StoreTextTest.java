package dev.accord.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StoreTextTest {

    @Test
    void aValueThatFitsIsKeptAsItIs() {
        assertThat(StoreText.fit("C000001", 255)).isEqualTo("C000001");
        assertThat(StoreText.fit("x".repeat(255), 255)).isEqualTo("x".repeat(255));
        assertThat(StoreText.fit(null, 10)).isNull();
    }

    @Test
    void aLongerValueBecomesItsBeginningAndAHashOfTheWhole() {
        String key = "K".repeat(10_000);

        String fitted = StoreText.fit(key, 255);

        assertThat(fitted).hasSize(255).startsWith("KKKK").contains(StoreText.MARK);
        assertThat(StoreText.fit(key, 255)).as("deterministic").isEqualTo(fitted);
        assertThat(StoreText.fit(key + "L", 255)).as("the same beginning, another value").isNotEqualTo(fitted);
    }

    @Test
    void aSurrogatePairIsNeverCutInHalf() {
        String emoji = "\uD83D\uDE00";
        String value = "a".repeat(236) + emoji.repeat(20);

        String fitted = StoreText.fit(value, 255);

        String kept = fitted.substring(0, fitted.indexOf(StoreText.MARK));
        assertThat(Character.isHighSurrogate(kept.charAt(kept.length() - 1))).isFalse();
        assertThat(fitted.length()).isLessThanOrEqualTo(255);
    }

    @Test
    void aNulCharacterIsNeverStoredAndTheValueStaysDistinct() {
        assertThat(StoreText.storable("a\0b")).startsWith("a\uFFFDb" + StoreText.MARK).doesNotContain("\0");
        assertThat(StoreText.storable("a\0b")).isNotEqualTo(StoreText.storable("a\uFFFDb"));
        assertThat(StoreText.storable("plain")).isEqualTo("plain");
    }

    @Test
    void aColumnTooNarrowForTheMarkGetsTheHashAlone() {
        assertThat(StoreText.fit("PROPPATCH-EXTENDED", 8)).hasSize(8).matches("[0-9a-f]{8}");
    }
}
