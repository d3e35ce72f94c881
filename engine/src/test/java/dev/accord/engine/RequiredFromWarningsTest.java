package dev.accord.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.core.contract.FlowSpec;
import dev.accord.core.page.PageRef;
import dev.accord.core.page.RunRef;
import dev.accord.core.page.SourceRecord;
import dev.accord.core.page.ValidatedPage;
import dev.accord.engine.telemetry.SyncMetrics;
import dev.accord.engine.telemetry.Telemetry;
import dev.accord.engine.telemetry.TraceIds;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** At ingress, a required-from field passes with a counted warning before its date and is quarantined after. */
class RequiredFromWarningsTest {

    private static final PageRef PAGE = new PageRef("crm-customers", new RunRef("sync/crm-customers", "run-1", "run-1-x"), 1);
    private static final String RULE = "        required-from: strict-signup-date   # optional (with a warning) until the flag is switched on\n";

    /** The warnings counted, as {@code flow/system/side/field}. */
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final Telemetry counting = new Telemetry(new SyncMetrics() {
        @Override
        public void warned(FlowSpec flow, String system, String side, String field) {
            warnings.add(flow.name() + "/" + system + "/" + side + "/" + field);
        }
    }, TraceIds.NONE);

    @TempDir
    Path folder;

    @Test
    void beforeTheDateTheRecordPassesAndTheWarningIsCounted() throws Exception {
        try (BoundaryContractsFixture fixture = new BoundaryContractsFixture(folder, t -> t.replace(RULE, "        required-from: 2999-01-01\n"))) {
            ValidatedPage page = fixture.engine.withTelemetry(counting).boundary().validate(PAGE, List.of(rowWithoutSignupDate()), true);

            assertThat(page.quarantined()).isEmpty();
            assertThat(page.changes()).hasSize(1);
            assertThat(warnings).containsExactly("crm-customers/crm/ingress/signup_date");
        }
    }

    @Test
    void fromTheDateOnTheRecordIsQuarantined() throws Exception {
        try (BoundaryContractsFixture fixture = new BoundaryContractsFixture(folder, t -> t.replace(RULE, "        required-from: 2000-01-01\n"))) {
            ValidatedPage page = fixture.engine.withTelemetry(counting).boundary().validate(PAGE, List.of(rowWithoutSignupDate()), true);

            assertThat(page.changes()).isEmpty();
            assertThat(page.quarantined()).singleElement().satisfies(o ->
                    assertThat(o.detail()).contains("REQUIRED_MISSING at $.signup_date", "required from 2000-01-01"));
            assertThat(warnings).isEmpty();
        }
    }

    private static SourceRecord rowWithoutSignupDate() {
        return new SourceRecord("C000001", 1, Instant.parse("2024-03-01T09:00:00Z"), false, Map.of("id", "C000001",
                "full_name", "Ada Lovelace", "email", "ada@example.com", "status_code", "A"));
    }
}
