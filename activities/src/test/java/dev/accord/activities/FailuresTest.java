package dev.accord.activities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accord.core.failure.InvalidRequestException;
import dev.accord.workflows.activities.NonRetryable;
import io.temporal.failure.ApplicationFailure;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Which failures a retry cannot fix (non-retryable ConfigurationError) and which it may. */
class FailuresTest {

    @Test
    void anInvalidOptionIsAConfigurationErrorThatIsNeverRetried() {
        assertThatThrownBy(() -> Failures.translated(() -> {
            throw new InvalidRequestException("unknown flow 'crm-customrs'");
        })).isInstanceOfSatisfying(ApplicationFailure.class, f -> {
            assertThat(f.isNonRetryable()).isTrue();
            assertThat(f.getType()).isEqualTo(Failures.CONFIGURATION_ERROR);
            assertThat(NonRetryable.types()).as("what every activity stub does not retry").contains(f.getType());
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
        })).isInstanceOfSatisfying(ApplicationFailure.class, f -> {
            assertThat(f.isNonRetryable()).isFalse();
            assertThat(f.getType()).isEqualTo(IllegalArgumentException.class.getName());
        });
    }

    @Test
    void anArgumentErrorOfTheJvmOrALibraryIsNotTakenForConfigurationAndIsRetried() {
        NumberFormatException unexplained = new NumberFormatException("For input string: \"12,50\"");

        assertThatThrownBy(() -> Failures.translated(() -> {
            throw unexplained;
        })).isInstanceOfSatisfying(ApplicationFailure.class, f -> {
            assertThat(f.isNonRetryable()).isFalse();
            assertThat(f.getType()).isEqualTo(NumberFormatException.class.getName());
            assertThat(f.getOriginalMessage()).as("a library's message, redacted").isEqualTo("For input string: \"…\"");
        });
    }

    @Test
    void aDatabaseThatIsDownIsRetried() {
        RuntimeException down = new RuntimeException("cannot connect", new SQLException("Connection refused", "08001"));

        assertThatThrownBy(() -> Failures.translated(() -> {
            throw down;
        })).isInstanceOfSatisfying(ApplicationFailure.class, f -> assertThat(f.isNonRetryable()).isFalse());
    }

    @Test
    void neitherTheMessageNorTheCausesOfAFailureCarryTheValuesADriverQuoted() {
        RuntimeException driver = new RuntimeException("write failed", new SQLException(
                "ERROR: duplicate key value violates unique constraint \"u\"\n  Detail: Key (email)=(ada@example.com) already exists.", "23505"));

        assertThatThrownBy(() -> Failures.translated(() -> {
            throw driver;
        })).isInstanceOfSatisfying(ApplicationFailure.class, f -> {
            StringBuilder everything = new StringBuilder(f.getMessage());
            for (Throwable cause = f.getCause(); cause != null; cause = cause.getCause()) {
                everything.append(' ').append(cause.getMessage());
            }
            assertThat(everything.toString()).contains("unique constraint").doesNotContain("ada@example.com");
        });
    }
}
