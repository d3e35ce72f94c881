package dev.accord.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.core.page.SourceRecord;
import dev.accord.core.page.ValidatedPage;
import dev.accord.core.resolve.Decision;
import dev.accord.store.QuarantineLog;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Data a source could not decode into a record (a malformed line of a file) goes to quarantine with where it is. */
class MalformedSourceTest {

    private final HubFixture fixture;

    MalformedSourceTest() throws Exception {
        fixture = new HubFixture();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aMalformedRowIsQuarantinedAsMalformedSourceWithItsFileAndLine() {
        SourceRecord malformed = new SourceRecord("contacts-2.csv line 17", 17, Instant.parse("2024-06-01T00:00:00Z"), false,
                Map.of("_raw", "C17;Ada"), "contacts-2.csv line 17: 2 fields, the header has 7");
        SourceRecord good = new SourceRecord("C000001", 1, Instant.parse("2024-06-01T00:00:00Z"), false,
                Map.of("id", "C000001", "full_name", "Ada Lovelace", "email", "ada@example.com", "status_code", "A"));

        ValidatedPage page = fixture.engine.boundary().validate(HubFixture.page("crm-customers", "run-1", 1), List.of(malformed, good), false);

        assertThat(page.changes()).extracting(c -> c.key()).containsExactly("C000001");
        assertThat(page.quarantined()).singleElement().satisfies(o -> {
            assertThat(o.decision()).isEqualTo(Decision.QUARANTINED);
            assertThat(o.key()).isEqualTo("contacts-2.csv line 17");
        });
        List<QuarantineLog.Entry> entries = fixture.store.inTransaction(c -> fixture.store.quarantine().recent(c, "crm-customers", 10));
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.reasonCode()).isEqualTo("MALFORMED_SOURCE");
            assertThat(e.message()).isEqualTo("contacts-2.csv line 17: 2 fields, the header has 7");
            assertThat(e.payloadJson()).contains("C17;Ada");
            assertThat(e.path()).isEqualTo("$");
        });
    }
}
