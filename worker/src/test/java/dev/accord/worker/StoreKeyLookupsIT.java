package dev.accord.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.accord.store.AccordStore;
import dev.accord.store.AppliedChanges;
import dev.accord.store.Deliveries;
import dev.accord.store.GoldenRecords;
import dev.accord.core.record.CanonicalRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The store's lookups of a page's keys (golden records, echo memory, pending deliveries, dedup keys) on
 * PostgreSQL, where they are an array joined to one-row lookups, and on H2, where they are IN lists in
 * chunks: the same rows come back, within the right domain and system only, each once, across more keys
 * than one IN list holds.
 */
class StoreKeyLookupsIT {

    private static final int STORED = 1_200;

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "h2"})
    void aPageOfKeysFindsExactlyItsOwnRows(String database) {
        try (TestStore test = TestStore.on(database, "lookups")) {
            AccordStore store = test.store;
            List<String> stored = keys(0, STORED);
            store.inTransaction(c -> {
                store.golden().save(c, stored.stream().map(k -> new GoldenRecords.Stored(CanonicalRecord.empty("customer", k), 0)).toList());
                store.golden().save(c, List.of(new GoldenRecords.Stored(CanonicalRecord.empty("invoice", "K000001"), 0)));
                store.echoes().remember(c, "crm", "customer", Map.of("K000001", Map.of("email", TextNode.valueOf("crm@x")),
                        "K000900", Map.of("email", TextNode.valueOf("crm@y"))));
                store.echoes().remember(c, "billing", "customer", Map.of("K000001", Map.of("email", TextNode.valueOf("billing@x"))));
                store.deliveries().enqueue(c, stored.stream().map(k -> Deliveries.Delivery.of("billing", "customer", k,
                        List.of("email"), "crm-customers", "run-1", 1)).toList());
                store.applied().record(c, stored.stream().map(k -> new AppliedChanges.Entry("crm|customer|" + k + "|1", "crm-customers",
                        "wf", "run-1", 1, "applied", "{}", null)).toList());
                return null;
            });
            List<String> asked = new ArrayList<>(keys(500, 1_300));
            asked.addAll(keys(600, 610));

            Map<String, GoldenRecords.Stored> golden = store.inTransaction(c -> store.golden().load(c, "customer", asked));
            var echoes = store.inTransaction(c -> store.echoes().load(c, "crm", "customer", List.of("K000001", "K000900", "K001000")));
            List<Deliveries.Delivery> pending = store.inTransaction(c -> store.deliveries().pending(c, "billing", "customer", asked));
            Map<String, AppliedChanges.Entry> seen = store.inTransaction(c -> store.applied().find(c,
                    asked.stream().map(k -> "crm|customer|" + k + "|1").toList()));

            assertThat(golden).hasSize(800);
            assertThat(golden.values().stream().filter(g -> g.revision() == 1)).hasSize(700);
            assertThat(golden.get("K001250").revision()).isZero();
            assertThat(echoes).containsOnlyKeys("K000001", "K000900");
            assertThat(echoes.get("K000001").get("email").asText()).isEqualTo("crm@x");
            assertThat(pending).hasSize(700).extracting(Deliveries.Delivery::key).doesNotHaveDuplicates()
                    .containsAll(keys(500, 1_200)).doesNotContain("K001200");
            assertThat(seen).hasSize(700).containsKey("crm|customer|K000500|1").doesNotContainKey("crm|customer|K001200|1");
        }
    }

    private static List<String> keys(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> String.format("K%06d", i)).toList();
    }
}
