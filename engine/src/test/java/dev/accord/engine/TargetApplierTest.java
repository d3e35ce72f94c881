package dev.accord.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.connectors.TargetConnector;
import dev.accord.connectors.TargetRow;
import dev.accord.connectors.TargetWrite;
import dev.accord.connectors.WriteResult;
import dev.accord.core.page.AppliedPage;
import dev.accord.core.page.PageRef;
import dev.accord.core.page.TargetOutcome;
import dev.accord.core.record.SourceChange;
import dev.accord.engine.DeliveryOrder;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TargetApplierTest {

    private final HubFixture fixture = new HubFixture();
    private final Hub hub = fixture.engine.hub();
    private final TargetApplier applier = fixture.engine.applier(hub);
    private final PageRef page = HubFixture.page("crm-customers", "run-1", 1);

    TargetApplierTest() throws Exception {
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void insertsAMissingRowAndLogsItWithItsAfterImage() throws Exception {
        hub.resolve(page, List.of(HubTest.crm("C000001", 1)), false);

        AppliedPage applied = apply("support");

        assertThat(applied.records()).extracting(TargetOutcome::status).containsExactly(TargetOutcome.Status.WRITTEN);
        assertThat(fixture.value("support", "support_contacts", "customer_id", "C000001", "display_name")).isEqualTo("Ada Lovelace");
        assertThat(fixture.value("support", "support_contacts", "customer_id", "C000001", "row_version")).isEqualTo(1L);
        assertThat(fixture.count("select count(*) from change_log where status = 'applied' and operation = 'insert'"
                + " and after_json like '%Ada Lovelace%' and before_json is null")).isEqualTo(1);
        assertThat(fixture.count("select count(*) from echo_memory where system_name = 'support'")).isEqualTo(1);
        assertThat(fixture.count("select count(*) from target_delivery where target_system = 'support'")).isZero();
    }

    @Test
    void aRetriedDeliveryWritesNothingTwice() throws Exception {
        hub.resolve(page, List.of(HubTest.crm("C000001", 1)), false);
        apply("support");

        AppliedPage retry = apply("support");

        assertThat(retry.records()).isEmpty();
        assertThat(fixture.count("select count(*) from change_log")).isEqualTo(1);
        assertThat(fixture.value("support", "support_contacts", "customer_id", "C000001", "row_version")).isEqualTo(1L);
    }

    @Test
    void aWorkerDyingAfterTheTargetCommittedLeavesExactlyOneAppliedLogEntryAfterTheRetry() throws Exception {
        hub.resolve(page, List.of(HubTest.crm("C000001", 1)), false);
        AtomicBoolean died = new AtomicBoolean();
        fixture.targetWrapper = target -> new DyingAfterWrite(target, died);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> apply("support")).hasMessageContaining("worker died");
        fixture.targetWrapper = java.util.function.UnaryOperator.identity();

        AppliedPage retry = apply("support");

        assertThat(retry.records()).extracting(TargetOutcome::status).containsExactly(TargetOutcome.Status.UNCHANGED);
        assertThat(fixture.count("select count(*) from change_log where status = 'applied' and after_version = 1")).isEqualTo(1);
        assertThat(fixture.count("select count(*) from change_log where status <> 'applied'")).isZero();
    }

    @Test
    void aTargetsNewerEditOfAFieldItMayWriteIsKept() throws Exception {
        fixture.execute("support", "insert into support_contacts values ('C000001', 'Ada Lovelace', 'c000001@example.com',"
                + " '+49 40 777', 'active', 'free', timestamp '2024-06-02 12:00:00', 3)");
        hub.resolve(page, List.of(HubTest.crm("C000001", 1)), false);

        apply("support");

        assertThat(fixture.value("support", "support_contacts", "customer_id", "C000001", "phone")).isEqualTo("+49 40 777");
        assertThat(fixture.count("select count(*) from golden_record where fields_json like '%+49 40 777%'")).isEqualTo(1);
    }

    @Test
    void aFieldTheTargetDoesNotOwnIsOverwrittenWithTheGoldenValue() throws Exception {
        fixture.execute("billing", "insert into billing_accounts values ('C000001', 'accounts@example.com', 'PRO', 'current', 100000,"
                + " timestamp '2024-06-02 12:00:00', 4)");
        hub.resolve(page, List.of(HubTest.crm("C000001", 1)), false);

        apply("billing");

        assertThat(fixture.value("billing", "billing_accounts", "customer_ref", "C000001", "contact_email")).isEqualTo("c000001@example.com");
        assertThat(fixture.value("billing", "billing_accounts", "customer_ref", "C000001", "plan_code")).isEqualTo("PRO");
        assertThat(fixture.count("select count(*) from field_history where source_system = 'billing' and field_name = 'email'"
                + " and decision = 'rejected-not-owner'")).isEqualTo(1);
    }

    @Test
    void aRowChangedBetweenReadAndWriteIsReReadAndWrittenWithoutLosingTheOtherChange() throws Exception {
        fixture.execute("billing", "insert into billing_accounts values ('C000001', 'accounts@example.com', 'PRO', 'current', 100000,"
                + " timestamp '2024-06-02 12:00:00', 4)");
        hub.resolve(page, List.of(HubTest.crm("C000001", 1)), false);
        AtomicBoolean interfered = new AtomicBoolean();
        fixture.targetWrapper = target -> new Interfering(target, () -> {
            if (interfered.compareAndSet(false, true)) {
                fixture.execute("billing", "update billing_accounts set payment_status = 'overdue', version = version + 1,"
                        + " modified_at = timestamp '2024-06-03 12:00:00' where customer_ref = 'C000001'");
            }
        });

        AppliedPage applied = apply("billing");

        assertThat(interfered).isTrue();
        assertThat(applied.records()).extracting(TargetOutcome::status).containsExactly(TargetOutcome.Status.WRITTEN);
        assertThat(fixture.value("billing", "billing_accounts", "customer_ref", "C000001", "contact_email")).isEqualTo("c000001@example.com");
        assertThat(fixture.value("billing", "billing_accounts", "customer_ref", "C000001", "payment_status")).isEqualTo("overdue");
        assertThat(fixture.count("select count(*) from change_log where status = 'conflict'")).isEqualTo(1);
        assertThat(fixture.count("select count(*) from change_log where status = 'applied'")).isEqualTo(1);
    }

    @Test
    void theKillSwitchHoldsEveryWrite() throws Exception {
        hub.resolve(page, List.of(HubTest.crm("C000001", 1)), false);
        fixture.store.inTransaction(c -> {
            fixture.store.killSwitch().set(c, true, "incident 42", "test");
            return null;
        });

        AppliedPage applied = apply("support");

        assertThat(applied.held()).isTrue();
        assertThat(fixture.value("support", "support_contacts", "customer_id", "C000001", "display_name")).isNull();
        assertThat(fixture.count("select count(*) from target_delivery where target_system = 'support'")).isEqualTo(1);
    }

    @Test
    void aDeletedGoldenRecordDeletesTheTargetRow() throws Exception {
        hub.resolve(page, List.of(HubTest.crm("C000001", 1)), false);
        apply("support");
        hub.resolve(HubFixture.page("crm-customers", "run-1", 2),
                List.of(SourceChange.deletion("crm", "customer", "C000001", 2, HubTest.T0.plusSeconds(60))), false);

        apply("support");

        assertThat(fixture.value("support", "support_contacts", "customer_id", "C000001", "customer_id")).isNull();
    }

    private AppliedPage apply(String target) {
        return applier.apply(DeliveryOrder.of(page, target, List.of("C000001"), false), () -> { });
    }

    /** A target connector that lets another writer in just before Accord's write. */
    private record Interfering(TargetConnector target, SqlAction before) implements TargetConnector {

        @Override
        public Map<String, TargetRow> readByKeys(Collection<String> keys) {
            return target.readByKeys(keys);
        }

        @Override
        public List<WriteResult> apply(List<TargetWrite> writes) {
            try {
                before.run();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return target.apply(writes);
        }
    }

    /** Commits the writes, then fails as a worker killed at that moment would. */
    private record DyingAfterWrite(TargetConnector target, AtomicBoolean died) implements TargetConnector {

        @Override
        public Map<String, TargetRow> readByKeys(Collection<String> keys) {
            return target.readByKeys(keys);
        }

        @Override
        public List<WriteResult> apply(List<TargetWrite> writes) {
            target.apply(writes);
            died.set(true);
            throw new IllegalStateException("worker died after the target committed");
        }
    }

    @FunctionalInterface
    private interface SqlAction {
        void run() throws SQLException;
    }
}
