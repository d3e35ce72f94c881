package dev.accord.engine.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.core.contract.Contract;
import dev.accord.core.contract.ContractLoader;
import dev.accord.store.QuarantineLog;
import dev.accord.store.audit.QuarantineView;
import dev.accord.store.audit.QuarantineViews;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What an operator sees of a quarantine entry: PII masked by field and by the system's columns, unless revealed. */
class QuarantineViewsTest {

    private final Contract contract = new ContractLoader().load(Path.of("..", "examples", "customers.contract.yaml"));
    private final QuarantineViews views = new QuarantineViews(contract);

    @Test
    void theSourceRowsPiiColumnsAndAMessageAboutOneAreMaskedUnlessRevealed() {
        QuarantineLog.Stored entry = stored("crm", "$.email", "'ada(at)example.com' is not an e-mail address",
                "{\"id\":\"C000001\",\"full_name\":\"Ada\",\"EMAIL\":\"ada(at)example.com\",\"phone\":\"+49 30 1\"}");

        QuarantineView masked = views.view(entry, false);
        QuarantineView revealed = views.view(entry, true);

        assertThat(masked.masked()).isTrue();
        assertThat(masked.payload().toString()).doesNotContain("ada(at)example.com").doesNotContain("+49 30 1").contains("\"Ada\"");
        assertThat(masked.message()).isEqualTo("***");
        assertThat(revealed.masked()).isFalse();
        assertThat(revealed.payload().get("EMAIL").asText()).isEqualTo("ada(at)example.com");
        assertThat(revealed.message()).contains("ada(at)example.com");
    }

    @Test
    void aMessageAboutAnotherFieldIsShownAndAnUnknownSystemIsMaskedWhole() {
        assertThat(views.view(stored("crm", "$.status", "'X' is not allowed", "{\"status_code\":\"X\"}"), false).message())
                .isEqualTo("'X' is not allowed");
        QuarantineView unknown = views.view(stored("gone", "$.status", "'X' is not allowed", "{\"status_code\":\"X\"}"), false);
        assertThat(unknown.payload().get("status_code").asText()).isEqualTo("***");
        assertThat(unknown.message()).isEqualTo("***");
    }

    private static QuarantineLog.Stored stored(String system, String path, String message, String payload) {
        QuarantineLog.Entry entry = new QuarantineLog.Entry("crm-customers", system, "customer", "C000001", "crm|customer|1|C000001",
                "SCHEMA_CONSTRAINT", path, message, payload, "sync/crm-customers", "run-1", 1);
        return new QuarantineLog.Stored(1, entry, "open", 1, Instant.now(), Instant.now(), null, null, null, null, null, null);
    }
}
