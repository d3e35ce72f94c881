package dev.accord.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.store.FieldHistory;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Field history goes to PostgreSQL by COPY and to H2 by batched INSERTs; what explain reads back must be
 * exactly what was appended on both: quotes, commas, line breaks, non-ASCII text, empty text that is not
 * null, nulls, and times to the microsecond.
 */
class FieldHistoryStoreIT {

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "h2"})
    void whatIsAppendedIsReadBackAsItWas(String database) {
        try (TestStore test = TestStore.on(database, "history")) {
            Instant sourceTime = Instant.parse("2024-06-01T08:15:30.123456Z");
            FieldHistory.Entry tricky = entry("name", "\"Ada\", \"the\nCountess\" of Lovelace — Ünïcödé", "", sourceTime, "trace-1");
            FieldHistory.Entry plain = entry("email", null, "\"ada@example.com\"", null, null);

            test.store.inTransaction(c -> {
                test.store.history().append(c, List.of(tricky, plain));
                return null;
            });
            List<FieldHistory.Entry> read = test.store.inTransaction(c -> test.store.history().forRecord(c, "customer", "C000001", null));

            assertThat(read).hasSize(2);
            assertThat(read).allSatisfy(e -> assertThat(e.recordedAt()).isNotNull());
            assertThat(read).usingRecursiveFieldByFieldElementComparatorIgnoringFields("id", "recordedAt")
                    .containsExactly(tricky, plain);
        }
    }

    private static FieldHistory.Entry entry(String field, String reason, String newValue, Instant sourceTime, String traceId) {
        return FieldHistory.Entry.builder().domain("customer").key("C000001").field(field).decision("applied")
                .reason(reason).newValue(newValue)
                .newVersionJson("{\"system\":\"crm\",\"version\":7}").sourceSystem("crm")
                .sourceVersion(7).sourceTime(sourceTime).flow("crm-customers")
                .workflowId("sync/crm-customers").runId("run-1").executionRunId("run-1-x")
                .page(1_000_001).contractHash("sha256:abc").contractVersion("3").schemaVersion(2)
                .traceId(traceId).build();
    }
}
