package dev.accord.activities.hub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.activities.store.Checkpoints;
import dev.accord.activities.store.Runs;
import dev.accord.workflows.activities.ApplyRequest;
import dev.accord.workflows.activities.PageRef;
import dev.accord.workflows.activities.RollbackRequest;
import dev.accord.workflows.activities.RollbackResult;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RunReverterTest {

    private final HubFixture fixture = new HubFixture();
    private final Hub hub = new Hub(fixture.context);
    private final TargetApplier applier = new TargetApplier(fixture.context, hub);
    private final RunReverter reverter = new RunReverter(fixture.context);
    private final PageRef page = HubFixture.page("crm-customers", "run-1", 1);

    RunReverterTest() throws Exception {
    }

    @BeforeEach
    void syncOneRecordIntoBillingAndSupport() throws Exception {
        fixture.execute("billing", "insert into billing_accounts values ('C000001', 'accounts@example.com', 'PRO', 'current', 100000,"
                + " timestamp '2024-06-02 12:00:00', 4)");
        fixture.store.inTransaction(c -> {
            fixture.store.runs().start(c, new Runs.Run("run-1", "sync/crm-customers", "run-1-x", "crm-customers", "sync", "running",
                    false, "sha256:x", "3", 3, "{}", "2024-01-01T00:00", "C000000", 0, "{}", "test", "unit", null, null));
            fixture.store.checkpoints().save(c, new Checkpoints.Checkpoint("crm-customers", "2024-06-01T08:00", "C000001", null, null,
                    "sync/crm-customers", "run-1", 1, null));
            return null;
        });
        hub.resolve(page, List.of(HubTest.crm("C000001", 1)), false);
        applier.apply(new ApplyRequest(page, "billing", List.of("C000001"), false), () -> { });
        applier.apply(new ApplyRequest(page, "support", List.of("C000001"), false), () -> { });
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void restoresEveryRowItWroteAndTheGoldenRecords() throws Exception {
        RollbackResult result = reverter.revertRun(new RollbackRequest("crm-customers", "run-1"), () -> { });

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
        reverter.revertRun(new RollbackRequest("crm-customers", "run-1"), () -> { });

        RollbackResult again = reverter.revertRun(new RollbackRequest("crm-customers", "run-1"), () -> { });

        assertThat(again.reverted()).isZero();
        assertThat(again.alreadyReverted()).isEqualTo(2);
        assertThat(again.conflicts()).isEmpty();
        assertThat(fixture.value("billing", "billing_accounts", "customer_ref", "C000001", "contact_email")).isEqualTo("accounts@example.com");
    }

    @Test
    void aRowSomeoneChangedSinceIsReportedAndLeftAlone() throws Exception {
        fixture.execute("billing", "update billing_accounts set contact_email = 'finance@example.com', version = version + 1"
                + " where customer_ref = 'C000001'");

        RollbackResult result = reverter.revertRun(new RollbackRequest("crm-customers", "run-1"), () -> { });

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

        RollbackResult retried = reverter.revertRun(new RollbackRequest("crm-customers", "run-1"), () -> { });

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
        applier.apply(new ApplyRequest(big, "support", resolved.deliveries(), false), () -> { });
        assertThat(fixture.count("support", "select count(*) from support_contacts")).isEqualTo(1_201);

        RollbackResult result = reverter.revertRun(new RollbackRequest("crm-customers", "run-1"), () -> { });

        assertThat(result.conflicts()).isEmpty();
        assertThat(result.reverted()).isEqualTo(2 + 1_200);
        assertThat(fixture.count("support", "select count(*) from support_contacts")).isZero();
        assertThat(fixture.count("select count(*) from change_log where status <> 'reverted'")).isZero();
        assertThat(fixture.count("select count(*) from golden_record where fields_json like '%Ada Lovelace%'")).isZero();
        assertThat(fixture.count("select count(*) from applied_change where run_id = 'run-1'")).isZero();
    }

    @Test
    void afterARollbackTheSameSourceValuesApplyAgainInsteadOfPassingForEchoes() throws Exception {
        reverter.revertRun(new RollbackRequest("crm-customers", "run-1"), () -> { });

        var replay = hub.resolve(HubFixture.page("crm-customers", "run-2", 1), List.of(HubTest.crm("C000001", 1)), false);

        assertThat(replay.records()).singleElement().satisfies(r -> assertThat(r.decision().spelling()).isEqualTo("applied"));
        assertThat(fixture.count("select count(*) from golden_record where fields_json like '%Ada Lovelace%'")).isEqualTo(1);
    }
}
