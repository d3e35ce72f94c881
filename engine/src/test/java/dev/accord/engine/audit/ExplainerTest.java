package dev.accord.engine.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accord.core.page.PageRef;
import dev.accord.core.record.SourceChange;
import dev.accord.engine.DeliveryOrder;
import dev.accord.engine.Hub;
import dev.accord.engine.HubFixture;
import dev.accord.engine.HubTest;
import dev.accord.store.Runs;
import dev.accord.store.audit.Explainer;
import dev.accord.store.audit.Explanation;
import dev.accord.store.audit.FieldEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExplainerTest {

    private final HubFixture fixture = new HubFixture(text -> text.replace("merge: last-writer-wins", "merge: review"));
    private final Hub hub = fixture.engine.hub();
    private final Explainer explainer = new Explainer(fixture.store, fixture.contract);

    ExplainerTest() throws Exception {
    }

    /** A record that went through an owner rejection, a stale update, a review, a delivery and a rollback. */
    @BeforeEach
    void aRecordsLife() {
        PageRef first = HubFixture.page("crm-customers", "run-1", 1);
        hub.resolve(first, List.of(HubTest.crm("C000001", 5)), false);
        fixture.engine.applier(hub).apply(DeliveryOrder.of(first, "support", List.of("C000001"), false), () -> { });
        hub.resolve(HubFixture.page("billing-customers", "run-2", 1), List.of(SourceChange.upsert("billing", "customer", "C000001", 3,
                HubTest.T0.plusSeconds(60), Map.of("email", HubTest.text("accounts@example.com")))), false);
        hub.resolve(HubFixture.page("crm-customers", "run-3", 1), List.of(SourceChange.upsert("crm", "customer", "C000001", 4,
                HubTest.T0.minusSeconds(60), Map.of("name", HubTest.text("Ada King")))), false);
        hub.resolve(HubFixture.page("support-customers", "run-4", 1), List.of(SourceChange.upsert("support", "customer", "C000001", 9,
                HubTest.T0.plusSeconds(90), Map.of("phone", HubTest.text("+49 40 555")))), false);
        fixture.engine.reviewDesk().decide(
                new dev.accord.core.review.ReviewDecision("customer/C000001/phone", "approve", null, "stella", "verified"), "review/test");
        fixture.store.inTransaction(c -> {
            fixture.store.runs().start(c, Runs.Run.builder().runId("run-1").workflowId("sync/crm-customers").lastExecutionRunId("run-1-x")
                    .flow("crm-customers").kind("sync").state("finished").contractHash("sha256:x")
                    .contractVersion("3").schemaVersion(3).optionsJson("{}").countsJson("{}")
                    .workerVersion("test").deploymentId("unit").build());
            return null;
        });
        fixture.engine.reverter().revertRun("crm-customers", "run-1", () -> { });
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void showsEveryDecisionInOrderWithItsRunContractAndSchema() {
        Explanation explanation = explainer.explain("customer", "C000001", null, true);

        assertThat(explanation.fields()).extracting(FieldEvent::field, FieldEvent::decision).contains(
                org.assertj.core.groups.Tuple.tuple("name", "applied"),
                org.assertj.core.groups.Tuple.tuple("email", "rejected-not-owner"),
                org.assertj.core.groups.Tuple.tuple("name", "stale"),
                org.assertj.core.groups.Tuple.tuple("phone", "needs-review"),
                org.assertj.core.groups.Tuple.tuple("phone", "review-approved"),
                org.assertj.core.groups.Tuple.tuple("name", "rolled-back"));
        assertThat(explanation.fields()).filteredOn(e -> e.decision().equals("review-approved"))
                .singleElement().satisfies(e -> assertThat(e.reason()).isEqualTo("approved by stella: verified"));
        FieldEvent applied = explanation.fields().get(0);
        assertThat(applied.runId()).isEqualTo("run-1");
        assertThat(applied.workflowId()).isEqualTo("sync/crm-customers");
        assertThat(applied.contractHash()).isEqualTo(fixture.contract.hash());
        assertThat(applied.schemaVersion()).isEqualTo(3);
        assertThat(applied.sourceSystem()).isEqualTo("crm");
        assertThat(applied.sourceVersion()).isEqualTo(5);
        assertThat(explanation.writes()).singleElement().satisfies(w -> {
            assertThat(w.target()).isEqualTo("support");
            assertThat(w.operation()).isEqualTo("insert");
            assertThat(w.status()).isEqualTo("reverted");
        });
    }

    @Test
    void masksPiiValuesForCallersWhoMayNotSeeThem() {
        Explanation masked = explainer.explain("customer", "C000001", null, false);

        assertThat(masked.masked()).isTrue();
        assertThat(masked.fields()).filteredOn(e -> e.field().equals("email")).allMatch(e -> e.newValue().equals("\"***\""));
        assertThat(masked.fields()).filteredOn(e -> e.field().equals("name") && e.decision().equals("applied"))
                .allMatch(e -> e.newValue().equals("\"Ada Lovelace\""));
        assertThat(masked.writes().get(0).after()).contains("\"email\":\"***\"").contains("Ada Lovelace").doesNotContain("example.com");
    }

    @Test
    void oneFieldOnlyAndAClearErrorForAnUnknownOne() {
        assertThat(explainer.explain("customer", "C000001", "email", true).fields()).extracting(FieldEvent::field).containsOnly("email");
        assertThatThrownBy(() -> explainer.explain("customer", "C000001", "e-mail", true))
                .hasMessageContaining("has no field 'e-mail'").hasMessageContaining("email");
    }
}
