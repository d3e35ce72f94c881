package dev.accord.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.accord.core.page.RecordOutcome;
import dev.accord.core.page.ResolvedPage;
import dev.accord.core.record.SourceChange;
import dev.accord.core.resolve.Decision;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

public class HubTest {

    public static final Instant T0 = Instant.parse("2024-06-01T06:00:00Z");

    private final HubFixture fixture = new HubFixture();
    private final Hub hub = fixture.engine.hub();

    HubTest() throws Exception {
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void commitsGoldenRecordsHistoryDedupKeysAndDeliveriesTogether() {
        ResolvedPage page = hub.resolve(HubFixture.page("crm-customers", "run-1", 1), List.of(crm("C000001", 1), crm("C000002", 1)), false);

        assertThat(page.records()).extracting(RecordOutcome::decision).containsExactly(Decision.APPLIED, Decision.APPLIED);
        assertThat(page.deliveries()).containsExactly("C000001", "C000002");
        assertThat(fixture.count("select count(*) from golden_record")).isEqualTo(2);
        assertThat(fixture.count("select count(*) from applied_change")).isEqualTo(2);
        assertThat(fixture.count("select count(*) from field_history where decision = 'applied'")).isEqualTo(8);
        assertThat(fixture.count("select count(*) from target_delivery where target_system in ('billing', 'support')")).isEqualTo(4);
    }

    @Test
    void aRetriedPageGetsItsFirstDecisionsBackAndWritesNothingMore() {
        List<SourceChange> changes = List.of(crm("C000001", 1));
        ResolvedPage first = hub.resolve(HubFixture.page("crm-customers", "run-1", 1), changes, false);

        ResolvedPage retry = hub.resolve(HubFixture.page("crm-customers", "run-1", 1), changes, false);

        assertThat(retry.records()).isEqualTo(first.records());
        assertThat(fixture.count("select count(*) from field_history")).isEqualTo(4);
        assertThat(fixture.count("select count(*) from applied_change")).isEqualTo(1);
    }

    @Test
    void anotherRunBringingTheSameChangeSeesADuplicate() {
        hub.resolve(HubFixture.page("crm-customers", "run-1", 1), List.of(crm("C000001", 1)), false);

        ResolvedPage replay = hub.resolve(HubFixture.page("crm-customers", "run-2", 1), List.of(crm("C000001", 1)), false);

        assertThat(replay.records()).extracting(RecordOutcome::decision).containsExactly(Decision.DUPLICATE);
        assertThat(replay.deliveries()).isEmpty();
        assertThat(fixture.count("select count(*) from field_history")).isEqualTo(4);
    }

    @Test
    void aValueTheSourceMayNotWriteIsRejectedAndRepairedAtTheSource() {
        hub.resolve(HubFixture.page("crm-customers", "run-1", 1), List.of(crm("C000001", 1)), false);

        ResolvedPage billing = hub.resolve(HubFixture.page("billing-customers", "run-2", 1), List.of(SourceChange.upsert("billing",
                "customer", "C000001", 7, T0.plusSeconds(60), Map.of("email", text("accounts@example.com")))), false);

        assertThat(billing.records()).extracting(RecordOutcome::decision).containsExactly(Decision.REJECTED_NOT_OWNER);
        assertThat(billing.repairs()).containsExactly("C000001");
        assertThat(fixture.count("select count(*) from target_delivery where target_system = 'billing' and fields_json like '%email%'"))
                .isEqualTo(1);
    }

    @Test
    void aDryRunPlansTheExactWritesAndCommitsNothing() {
        ResolvedPage page = hub.resolve(HubFixture.page("crm-customers", "run-1", 1), List.of(crm("C000001", 1)), true);

        assertThat(page.records()).extracting(RecordOutcome::decision).containsExactly(Decision.APPLIED);
        assertThat(page.wouldWrite()).containsEntry("billing:would-insert", 1L).containsEntry("support:would-insert", 1L);
        assertThat(page.deliveries()).isEmpty();
        assertThat(fixture.count("select count(*) from golden_record")).isZero();
        assertThat(fixture.count("select count(*) from target_delivery")).isZero();
        assertThat(fixture.count("select count(*) from dry_run_diff where operation = 'insert' and after_json like '%c000001@example.com%'"))
                .isEqualTo(2);
    }

    public static SourceChange crm(String key, long version) {
        return SourceChange.upsert("crm", "customer", key, version, T0, Map.of(
                "name", text("Ada Lovelace"), "email", text(key.toLowerCase() + "@example.com"),
                "phone", text("+49 30 100"), "plan", text("free")));
    }

    public static JsonNode text(String value) {
        return TextNode.valueOf(value);
    }
}
