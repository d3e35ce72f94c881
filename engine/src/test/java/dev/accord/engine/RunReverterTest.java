package dev.accord.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.core.page.PageRef;
import dev.accord.core.record.SourceChange;
import dev.accord.core.rollback.RollbackResult;
import dev.accord.engine.DeliveryOrder;
import dev.accord.store.Checkpoints;
import dev.accord.store.Runs;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RunReverterTest {

    private final HubFixture fixture = new HubFixture();
    private final Hub hub = fixture.engine.hub();
    private final TargetApplier applier = fixture.engine.applier(hub);
    private final RunReverter reverter = fixture.engine.reverter();
    private final PageRef page = HubFixture.page("crm-customers", "run-1", 1);

    RunReverterTest() throws Exception {
    }

    @BeforeEach
    void syncOneRecordIntoBillingAndSupport() throws Exception {
        fixture.execute("billing", "insert into billing_accounts values ('C000001', 'accounts@example.com', 'PRO', 'current', 100000,"
                + " timestamp '2024-06-02 12:00:00', 4)");
        fixture.store.inTransaction(c -> {
            fixture.store.runs().start(c, Runs.Run.builder().runId("run-1").workflowId("sync/crm-customers").lastExecutionRunId("run-1-x")
                    .flow("crm-customers").kind("sync").state("running").contractHash("sha256:x")
                    .contractVersion("3").schemaVersion(3).optionsJson("{}")
                    .startPosition("2024-01-01T00:00").startKey("C000000").countsJson("{}")
                    .workerVersion("test").deploymentId("unit").build());
            fixture.store.checkpoints().save(c, new Checkpoints.Checkpoint("crm-customers", "2024-06-01T08:00", "C000001", null, null,
                    "sync/crm-customers", "run-1", 1, null));
            return null;
        });
        hub.resolve(page, List.of(HubTest.crm("C000001", 1)), false);
        applier.apply(DeliveryOrder.of(page, "billing", List.of("C000001"), false), () -> { });
        applier.apply(DeliveryOrder.of(page, "support", List.of("C000001"), false), () -> { });
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void restoresEveryRowItWroteAndTheGoldenRecords() throws Exception {
        RollbackResult result = reverter.revertRun("crm-customers", "run-1", () -> { });

        assertThat(result.reverted()).isEqualTo(2);
        assertThat(result.conflicts()).isEmpty();
        assertThat(fixture.value("billing", "billing_accounts", "customer_ref", "C000001", "contact_email")).isEqualTo("accounts@example.com");
        assertThat(fixture.value("support", "support_contacts", "customer_id", "C000001", "customer_id")).isNull();
        assertThat(fixture.count("select count(*) from golden_record where fields_json like '%Ada Lovelace%'")).isZero();
        assertThat(fixture.count("select count(*) from applied_change where run_id = 'run-1'")).isZero();
        assertThat(fixture.store.inTransaction(c -> fixture.store.checkpoints().load(c, "crm-customers")).orElseThrow().position())
                .isEqualTo("2024-01-01T00:00");
    }

    @Test
    void rollingBackTwiceIsANoOp() throws Exception {
        reverter.revertRun("crm-customers", "run-1", () -> { });

        RollbackResult again = reverter.revertRun("crm-customers", "run-1", () -> { });

        assertThat(again.reverted()).isZero();
        assertThat(again.alreadyReverted()).isEqualTo(2);
        assertThat(again.conflicts()).isEmpty();
        assertThat(fixture.value("billing", "billing_accounts", "customer_ref", "C000001", "contact_email")).isEqualTo("accounts@example.com");
    }

    @Test
    void aRowSomeoneChangedSinceIsReportedAndLeftAlone() throws Exception {
        fixture.execute("billing", "update billing_accounts set contact_email = 'finance@example.com', version = version + 1"
                + " where customer_ref = 'C000001'");

        RollbackResult result = reverter.revertRun("crm-customers", "run-1", () -> { });

        assertThat(result.conflicts()).singleElement().asString().startsWith("billing/C000001");
        assertThat(result.reverted()).isEqualTo(1);
        assertThat(fixture.value("billing", "billing_accounts", "customer_ref", "C000001", "contact_email")).isEqualTo("finance@example.com");
        assertThat(fixture.count("select count(*) from change_log where status = 'rollback-conflict'")).isEqualTo(1);
    }

    @Test
    void aRollbackKilledAfterItsTargetWritesButBeforeMarkingTheLogFinishesOnRetryWithoutConflicts() throws Exception {
        // what the killed attempt did to the targets: billing's row back to its before-image, support's inserted row removed
        fixture.execute("billing", "update billing_accounts set contact_email = 'accounts@example.com', version = version + 1"
                + " where customer_ref = 'C000001'");
        fixture.execute("support", "delete from support_contacts where customer_id = 'C000001'");

        RollbackResult retried = reverter.revertRun("crm-customers", "run-1", () -> { });

        assertThat(retried.conflicts()).isEmpty();
        assertThat(retried.reverted()).isZero();
        assertThat(retried.alreadyReverted()).isEqualTo(2);
        assertThat(fixture.count("select count(*) from change_log where status = 'reverted'")).isEqualTo(2);
        assertThat(fixture.count("select count(*) from golden_record where fields_json like '%Ada Lovelace%'")).isZero();
    }

    @Test
    void aRunOfMorePagesThanOneReadIsRevertedWholeWritesAndGoldenRecordsAlike() throws Exception {
        PageRef big = HubFixture.page("crm-customers", "run-1", 2);
        var resolved = hub.resolve(big, IntStream.rangeClosed(2, 1_201).mapToObj(i -> HubTest.crm(String.format("C%06d", i), 1)).toList(),
                false);
        applier.apply(DeliveryOrder.of(big, "support", resolved.deliveries(), false), () -> { });
        assertThat(fixture.count("support", "select count(*) from support_contacts")).isEqualTo(1_201);

        RollbackResult result = reverter.revertRun("crm-customers", "run-1", () -> { });

        assertThat(result.conflicts()).isEmpty();
        assertThat(result.reverted()).isEqualTo(2 + 1_200);
        assertThat(fixture.count("support", "select count(*) from support_contacts")).isZero();
        assertThat(fixture.count("select count(*) from change_log where status <> 'reverted'")).isZero();
        assertThat(fixture.count("select count(*) from golden_record where fields_json like '%Ada Lovelace%'")).isZero();
        assertThat(fixture.count("select count(*) from applied_change where run_id = 'run-1'")).isZero();
    }

    @Test
    void aRowWrittenAgainAfterAWriteThatNeverLandedIsRestoredPastIt() throws Exception {
        // a superseded write-ahead (a stalled attempt's, whose write never landed) and a lost compare-and-set between
        // the insert of page 1 and the update of page 2: neither moved the row's version
        for (String status : List.of("superseded", "conflict")) {
            fixture.store.inTransaction(c -> {
                try (Statement statement = c.createStatement()) {
                    statement.execute("insert into change_log (flow, workflow_id, run_id, execution_run_id, page_no, target_system,"
                            + " domain_name, record_key, operation, before_json, after_json, before_version, status, created_at)"
                            + " values ('crm-customers', 'sync/crm-customers', 'run-1', 'run-1-x', 2, 'support', 'customer', 'C000001',"
                            + " 'update', '{}', '{}', 1, '" + status + "', timestamp '2024-06-02 12:00:00')");
                }
                return null;
            });
        }
        PageRef second = HubFixture.page("crm-customers", "run-1", 3);
        hub.resolve(second, List.of(SourceChange.upsert("crm", "customer", "C000001", 2, HubTest.T0.plusSeconds(60), Map.of(
                "name", HubTest.text("Ada King"), "email", HubTest.text("c000001@example.com"),
                "phone", HubTest.text("+49 30 100"), "plan", HubTest.text("free")))), false);
        applier.apply(DeliveryOrder.of(second, "support", List.of("C000001"), false), () -> { });
        assertThat(fixture.value("support", "support_contacts", "customer_id", "C000001", "display_name")).isEqualTo("Ada King");

        RollbackResult result = reverter.revertRun("crm-customers", "run-1", () -> { });

        assertThat(result.conflicts()).isEmpty();
        assertThat(fixture.value("support", "support_contacts", "customer_id", "C000001", "customer_id")).isNull();
        assertThat(fixture.count("select count(*) from change_log where status in ('applied', 'rollback-conflict')")).isZero();
    }

    @Test
    void afterARollbackTheSameSourceValuesApplyAgainInsteadOfPassingForEchoes() throws Exception {
        reverter.revertRun("crm-customers", "run-1", () -> { });

        var replay = hub.resolve(HubFixture.page("crm-customers", "run-2", 1), List.of(HubTest.crm("C000001", 1)), false);

        assertThat(replay.records()).singleElement().satisfies(r -> assertThat(r.decision().spelling()).isEqualTo("applied"));
        assertThat(fixture.count("select count(*) from golden_record where fields_json like '%Ada Lovelace%'")).isEqualTo(1);
    }
}
