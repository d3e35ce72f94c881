package dev.accord.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.accord.core.page.AppliedPage;
import dev.accord.core.page.PageRef;
import dev.accord.core.page.RunRef;
import dev.accord.core.page.TargetOutcome;
import dev.accord.core.record.SourceChange;
import dev.accord.engine.DeliveryOrder;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Before apply: consumer declarations, reference rules (park or quarantine) and required-from at egress. */
class EgressRulesTest {

    private static final PageRef PAGE = new PageRef("crm-customers", new RunRef("sync/crm-customers", "run-1", "run-1-x"), 1);
    private static final String SUPPORT_READS = "        reads: [customer_id, name, email, phone, status, plan]\n";

    @TempDir
    Path folder;

    @Test
    void aMissingReferentParksTheRecordUntilItArrives() throws Exception {
        try (BoundaryContractsFixture fixture = new BoundaryContractsFixture(folder, UnaryOperator.identity())) {
            Hub hub = fixture.engine.hub();
            TargetApplier applier = fixture.engine.applier(hub);
            hub.resolve(PAGE, List.of(change("C000002", 1, Map.of("referred_by", "C000001"))), false);

            AppliedPage parked = applier.apply(DeliveryOrder.of(PAGE, "support", List.of("C000002"), false), () -> { });

            assertThat(parked.records()).singleElement().satisfies(o -> {
                assertThat(o.status()).isEqualTo(TargetOutcome.Status.PARKED);
                assertThat(o.detail()).contains("MISSING_REFERENCE at $.referred_by", "customer 'C000001'");
            });
            assertThat(fixture.supportValue("C000002", "display_name")).isNull();
            assertThat(fixture.count("select count(*) from target_delivery where target_system = 'support' and record_key = 'C000002'")).isEqualTo(1);
            assertThat(fixture.count("select count(*) from quarantine")).isZero();

            hub.resolve(PAGE, List.of(change("C000001", 1, Map.of())), false);
            AppliedPage nothing = applier.apply(DeliveryOrder.of(PAGE, "support", List.of(), false), () -> { });
            assertThat(nothing.records()).as("no keys and no drain: nothing delivered").isEmpty();
            assertThat(fixture.count("select count(*) from target_delivery where target_system = 'support' and record_key = 'C000002'")).isEqualTo(1);

            AppliedPage drained = applier.apply(DeliveryOrder.drain(PAGE, "support", false), () -> { });

            assertThat(drained.records()).extracting(TargetOutcome::key, TargetOutcome::status).contains(
                    org.assertj.core.groups.Tuple.tuple("C000002", TargetOutcome.Status.WRITTEN));
            assertThat(fixture.supportValue("C000002", "referred_by")).isEqualTo("C000001");
            assertThat(fixture.count("select count(*) from target_delivery where target_system = 'support'")).isZero();
        }
    }

    @Test
    void aMissingReferentIsQuarantinedWhenTheContractSaysSo() throws Exception {
        UnaryOperator<String> quarantine = t -> t.replace("        references: customer\n",
                "        references: customer\n        on-missing-reference: quarantine\n");
        try (BoundaryContractsFixture fixture = new BoundaryContractsFixture(folder, quarantine)) {
            Hub hub = fixture.engine.hub();
            hub.resolve(PAGE, List.of(change("C000002", 1, Map.of("referred_by", "C000009"))), false);

            AppliedPage applied = fixture.engine.applier(hub).apply(DeliveryOrder.of(PAGE, "support", List.of("C000002"), false), () -> { });

            assertThat(applied.records()).extracting(TargetOutcome::status).containsExactly(TargetOutcome.Status.QUARANTINED);
            assertThat(fixture.count("select count(*) from quarantine where reason_code = 'MISSING_REFERENCE' and path = '$.referred_by'"
                    + " and system_name = 'support'")).isEqualTo(1);
            assertThat(fixture.count("select count(*) from target_delivery where target_system = 'support'")).isZero();
            assertThat(fixture.supportValue("C000002", "display_name")).isNull();
        }
    }

    @Test
    void aValueTheTargetDoesNotHandleIsQuarantinedForThatTarget() throws Exception {
        UnaryOperator<String> reads = t -> t.replace(SUPPORT_READS, "        reads:\n          status: { values: [active, suspended] }\n");
        try (BoundaryContractsFixture fixture = new BoundaryContractsFixture(folder, reads)) {
            Hub hub = fixture.engine.hub();
            hub.resolve(PAGE, List.of(change("C000001", 1, Map.of("status", "closed")), change("C000003", 1, Map.of("status", "active"))), false);

            AppliedPage applied = fixture.engine.applier(hub)
                    .apply(DeliveryOrder.of(PAGE, "support", List.of("C000001", "C000003"), false), () -> { });

            assertThat(applied.records()).extracting(TargetOutcome::key, TargetOutcome::status).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple("C000001", TargetOutcome.Status.QUARANTINED),
                    org.assertj.core.groups.Tuple.tuple("C000003", TargetOutcome.Status.WRITTEN));
            assertThat(fixture.count("select count(*) from quarantine where reason_code = 'CONSUMER_VALUE_NOT_ACCEPTED'"
                    + " and path = '$.status' and message like 'egress to support: support handles only active, suspended%'")).isEqualTo(1);
            assertThat(fixture.supportValue("C000001", "status")).isNull();
            assertThat(fixture.supportValue("C000003", "status")).isEqualTo("active");
        }
    }

    private static SourceChange change(String key, long version, Map<String, String> extra) {
        Map<String, JsonNode> fields = new HashMap<>(Map.of("name", TextNode.valueOf("Ada Lovelace"),
                "email", TextNode.valueOf(key.toLowerCase() + "@example.com"), "phone", TextNode.valueOf("+49 30 100")));
        extra.forEach((field, value) -> fields.put(field, TextNode.valueOf(value)));
        return SourceChange.upsert("crm", "customer", key, version, Instant.parse("2024-03-01T09:00:00Z"), fields);
    }
}
