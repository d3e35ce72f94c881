package dev.accord.activities.hub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.workflows.activities.PageRef;
import dev.accord.workflows.activities.RunRef;
import dev.accord.workflows.activities.SourceRecord;
import dev.accord.workflows.activities.ValidateRequest;
import dev.accord.workflows.activities.ValidatedPage;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** At ingress, a required-from field passes with a counted warning before its date and is quarantined after. */
class RequiredFromWarningsTest {

    private static final PageRef PAGE = new PageRef("crm-customers", new RunRef("sync/crm-customers", "run-1", "run-1-x"), 1);
    private static final String RULE = "        required-from: strict-signup-date   # optional (with a warning) until the flag is switched on\n";

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @TempDir
    Path folder;

    @BeforeEach
    void countInto() {
        Metrics.addRegistry(meters);
    }

    @AfterEach
    void stopCounting() {
        Metrics.removeRegistry(meters);
    }

    @Test
    void beforeTheDateTheRecordPassesAndTheWarningIsCounted() throws Exception {
        try (BoundaryContractsFixture fixture = new BoundaryContractsFixture(folder, t -> t.replace(RULE, "        required-from: 2999-01-01\n"))) {
            ValidatedPage page = new Boundary(fixture.context).validate(new ValidateRequest(PAGE, List.of(rowWithoutSignupDate()), true));

            assertThat(page.quarantined()).isEmpty();
            assertThat(page.changes()).hasSize(1);
            assertThat(meters.get(PhasedRequirements.WARNINGS).tags("flow", "crm-customers", "system", "crm", "side", "ingress",
                    "field", "signup_date").counter().count()).isEqualTo(1.0);
        }
    }

    @Test
    void fromTheDateOnTheRecordIsQuarantined() throws Exception {
        try (BoundaryContractsFixture fixture = new BoundaryContractsFixture(folder, t -> t.replace(RULE, "        required-from: 2000-01-01\n"))) {
            ValidatedPage page = new Boundary(fixture.context).validate(new ValidateRequest(PAGE, List.of(rowWithoutSignupDate()), true));

            assertThat(page.changes()).isEmpty();
            assertThat(page.quarantined()).singleElement().satisfies(o ->
                    assertThat(o.detail()).contains("REQUIRED_MISSING at $.signup_date", "required from 2000-01-01"));
            io.micrometer.core.instrument.Counter warnings = meters.find(PhasedRequirements.WARNINGS).tags("field", "signup_date").counter();
            assertThat(warnings == null ? 0.0 : warnings.count()).isZero();
        }
    }

    private static SourceRecord rowWithoutSignupDate() {
        return new SourceRecord("C000001", 1, Instant.parse("2024-03-01T09:00:00Z"), false, Map.of("id", "C000001",
                "full_name", "Ada Lovelace", "email", "ada@example.com", "status_code", "A"));
    }
}
