package dev.accord.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.accord.store.DataQuality;
import dev.accord.store.GoldenRecords;
import dev.accord.core.contract.DomainSpec;
import dev.accord.core.record.CanonicalRecord;
import dev.accord.core.record.FieldValue;
import dev.accord.core.record.FieldVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Data quality over more live records than one fetch holds, on PostgreSQL (which streams them only in a
 * transaction with a fetch size; without one it read the whole domain into memory and a 1M-record store
 * ran the worker out of heap) and on H2: completeness counts each record once, and keys that differ only in
 * case and surrounding blanks count as one entity held twice.
 */
class DataQualityStoreIT {

    private static final int RECORDS = 2_500;

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "h2"})
    void measuresEveryLiveRecordOnce(String database) {
        DomainSpec customer = SyncHarness.contract("demo/demo-h2.contract.yaml", text -> text).domain("customer");
        try (TestStore test = TestStore.on(database, "quality")) {
            List<GoldenRecords.Stored> records = new ArrayList<>();
            for (int i = 0; i < RECORDS; i++) {
                records.add(stored(String.format("C%06d", i), i % 5 != 0));
            }
            records.add(stored("c000001 ", true));
            test.store.inTransaction(c -> {
                test.store.golden().save(c, records);
                return null;
            });

            DataQuality quality = test.store.inTransaction(c -> DataQuality.measure(c, customer));

            assertThat(quality.records()).isEqualTo(RECORDS + 1);
            assertThat(quality.completeness()).isEqualTo((RECORDS * 4 / 5 + 1) / (double) (RECORDS + 1));
            assertThat(quality.fieldCompleteness().get("name")).isEqualTo(1.0);
            assertThat(quality.uniqueness()).isEqualTo(RECORDS / (double) (RECORDS + 1));
        }
    }

    /** A live customer with a name, and an e-mail only when {@code complete}. */
    private static GoldenRecords.Stored stored(String key, boolean complete) {
        FieldVersion version = new FieldVersion("crm", 1, Instant.parse("2024-01-01T00:00:00Z"));
        Map<String, FieldValue> fields = complete
                ? Map.of("name", new FieldValue(TextNode.valueOf("Ada"), version), "email", new FieldValue(TextNode.valueOf("a@x.org"), version))
                : Map.of("name", new FieldValue(TextNode.valueOf("Ada"), version));
        return new GoldenRecords.Stored(new CanonicalRecord("customer", key, fields, null, false), 0);
    }
}
