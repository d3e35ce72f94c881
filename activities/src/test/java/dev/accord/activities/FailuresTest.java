package dev.accord.activities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.failure.ApplicationFailure;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Which failures a retry cannot fix (non-retryable ConfigurationError) and which it may. */
class FailuresTest {

    @Test
    void anInvalidOptionIsAConfigurationErrorThatIsNeverRetried() {
        assertThatThrownBy(() -> Failures.translated(() -> {
            throw new IllegalArgumentException("unknown flow 'crm-customrs'");
        })).isInstanceOfSatisfying(ApplicationFailure.class, f -> {
            assertThat(f.isNonRetryable()).isTrue();
            assertThat(f.getType()).isEqualTo(Failures.CONFIGURATION_ERROR);
            assertThat(f.getOriginalMessage()).contains("crm-customrs");
        });
    }

    @Test
    void aMissingTableIsAConfigurationError() {
        assertThatThrownBy(() -> Failures.translated(() -> {
            throw new RuntimeException("reading failed", new SQLException("relation \"crm_customer\" does not exist", "42P01"));
        })).isInstanceOfSatisfying(ApplicationFailure.class, f -> assertThat(f.isNonRetryable()).isTrue());
    }

    @Test
    void anArgumentErrorThatOnlyWrapsAnOutOfMemoryErrorStaysRetryable() {
        IllegalArgumentException selfSuppression = new IllegalArgumentException("Self-suppression not permitted",
                new OutOfMemoryError("Java heap space"));

        assertThatThrownBy(() -> Failures.translated(() -> {
            throw selfSuppression;
        })).isSameAs(selfSuppression);
    }

    @Test
    void aDatabaseThatIsDownIsRetried() {
        RuntimeException down = new RuntimeException("cannot connect", new SQLException("Connection refused", "08001"));

        assertThatThrownBy(() -> Failures.translated(() -> {
            throw down;
        })).isSameAs(down);
    }
}
