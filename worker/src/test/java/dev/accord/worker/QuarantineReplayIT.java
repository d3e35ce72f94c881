package dev.accord.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.store.QuarantineFilter;
import dev.accord.store.QuarantineLog;
import dev.accord.store.Runs;
import dev.accord.core.record.CanonicalRecord;
import dev.accord.workflows.TaskQueues;
import dev.accord.workflows.quarantine.QuarantineReplayInput;
import dev.accord.workflows.quarantine.QuarantineReplayResult;
import dev.accord.workflows.quarantine.QuarantineReplayWorkflow;
import dev.accord.workflows.rollback.RollbackInput;
import dev.accord.workflows.rollback.RollbackWorkflow;
import io.temporal.client.WorkflowOptions;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The quarantine's life in real syncs: CRM rows with a bad e-mail, a blank name or an unknown status code are
 * quarantined by the crm-customers flow (CRM and support on PostgreSQL, billing on MariaDB, the store in a
 * PostgreSQL schema); then the source row is fixed in place (same version, so no sync reads it again) or the
 * contract is, and a {@code QuarantineReplayWorkflow} brings the record through: golden record and targets hold
 * it, the entry is replayed by whom and when, and rolling the replay's run back undoes it. A record that fails
 * again goes back to open; a discarded entry is left alone.
 */
class QuarantineReplayIT {

    private static final String FLOW = "crm-customers";
    private static final String BAD_EMAIL = "C000053";
    private static final String BLANK_NAME = "C000077";
    private static final String UNKNOWN_STATUS = "C000010";

    private final String id = "hq_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final CustomerData data = new CustomerData(120);
    private CustomerSystems systems;
    private TestStore store;
    private SyncHarness sync;

    @BeforeEach
    void setUp() {
        systems = CustomerSystems.onServers(id);
        store = TestStore.postgres(id + "_store");
        data.seed(systems);
        systems.crm().execute("update " + systems.crmTable() + " set status_code = 'X' where id = '" + UNKNOWN_STATUS + "'");
        sync = harness(contract -> contract);
        assertThat(sync.runOneShot(FLOW).counts()).containsEntry("quarantined", 5L);
    }

    @AfterEach
    void tearDown() {
        Resources.closeAll(sync, store, systems);
    }

    @Test
    void aRecordFixedInPlaceAtTheSourceIsReplayedIntoTheGoldenRecordAndEveryTargetAndCanBeRolledBack() {
        long entry = entryOf(BAD_EMAIL);
        systems.crm().execute("update " + systems.crmTable() + " set email = 'customer53@example.com' where id = '" + BAD_EMAIL + "'");

        QuarantineReplayResult result = replay("fixed", List.of(entry), null);

        assertThat(result.state()).isEqualTo("finished");
        assertThat(result.counts()).containsEntry("entries:replayed", 1L).containsEntry("applied", 1L)
                .containsEntry("support:written", 1L);
        assertThat(golden(BAD_EMAIL).field("email").value().asText()).isEqualTo("customer53@example.com");
        assertThat(systems.billingRows().get(BAD_EMAIL)).containsEntry("contact_email", "customer53@example.com");
        assertThat(systems.supportRows().get(BAD_EMAIL)).containsEntry("email", "customer53@example.com");
        QuarantineLog.Stored replayed = find(entry);
        assertThat(replayed.state()).isEqualTo(QuarantineLog.REPLAYED);
        assertThat(replayed.actedBy()).isEqualTo("otto");
        assertThat(replayed.actedAt()).isNotNull();
        assertThat(replayed.replayRunId()).isEqualTo(result.runId());
        assertThat(replayed.replayWorkflowId()).isEqualTo("quarantine-replay/crm-customers/fixed");
        assertThat(replayed.replayOutcome()).startsWith("applied; read again from crm").contains("support: written");
        Runs.Run run = store.store.inTransaction(c -> store.store.runs().find(c, result.runId())).orElseThrow();
        assertThat(run.kind()).isEqualTo("replay");
        assertThat(run.state()).isEqualTo("finished");

        rollback(result.runId());

        assertThat(systems.supportRows()).as("the row the replay inserted is gone again").doesNotContainKey(BAD_EMAIL);
        assertThat(find(entry).state()).isEqualTo(QuarantineLog.OPEN);
        assertThat(find(entry).replayOutcome()).startsWith("rolled back: applied");
    }

    @Test
    void aContractFixLetsTheStoredPayloadThroughWhenTheSourceNoLongerHasTheRecord() {
        long entry = entryOf(UNKNOWN_STATUS);
        systems.crm().execute("delete from " + systems.crmTable() + " where id = '" + UNKNOWN_STATUS + "'");
        sync.close();
        sync = harness(contract -> contract.replace("values: { A: active, S: suspended, C: closed }",
                "values: { A: active, S: suspended, C: closed, X: active }"));

        QuarantineReplayResult result = replay("contract-fixed", null, "VALUE_NOT_ALLOWED");

        assertThat(result.counts()).containsEntry("entries:replayed", 1L);
        assertThat(golden(UNKNOWN_STATUS).field("status").value().asText()).isEqualTo("active");
        assertThat(systems.supportRows().get(UNKNOWN_STATUS)).containsEntry("status", "active");
        assertThat(find(entry).state()).isEqualTo(QuarantineLog.REPLAYED);
        assertThat(find(entry).replayOutcome()).contains("stored payload");
    }

    @Test
    void aRecordQuarantinedAtEgressIsDeliveredToThatTargetAgainOnceTheContractAllowsIt() {
        String key = "C000005";
        systems.crm().execute("update " + systems.crmTable() + " set email = 'new5@example.com', updated_at = updated_at + interval '1 day',"
                + " row_version = row_version + 1 where id = '" + key + "'");
        sync.close();
        sync = harness(contract -> contract.replace("email: { type: string }", "email: { type: string, values: [nobody@example.com] }"));
        assertThat(sync.runOneShot(FLOW).counts()).containsEntry("billing:quarantined", 1L);
        long entry = entryOf(key);
        assertThat(find(entry).entry().system()).isEqualTo("billing");
        assertThat(systems.billingRows().get(key)).containsEntry("contact_email", CustomerData.email(5));
        sync.close();
        sync = harness(contract -> contract);

        QuarantineReplayResult result = replay("egress", List.of(entry), null);

        assertThat(result.counts()).containsEntry("entries:replayed", 1L).containsEntry("billing:written", 1L);
        assertThat(systems.billingRows().get(key)).containsEntry("contact_email", "new5@example.com");
        assertThat(find(entry).replayOutcome()).isEqualTo("delivered again; billing: written");
    }

    @Test
    void aReplayedRecordThatFailsAgainGoesBackToOpenAndADiscardedEntryIsLeftAlone() {
        long badEmail = entryOf(BAD_EMAIL);
        long blankName = entryOf(BLANK_NAME);
        store.store.inTransaction(c -> store.store.quarantineActions().discard(c, List.of(blankName), "otto", "test customer, never real"));
        systems.crm().execute("update " + systems.crmTable() + " set email = 'customer53@example.com' where id = '" + BAD_EMAIL + "'");
        replay("first", List.of(badEmail), null);
        systems.crm().execute("update " + systems.crmTable() + " set email = 'broken again' where id = '" + BAD_EMAIL + "'");

        QuarantineReplayResult again = replay("again", List.of(badEmail, blankName), null);

        assertThat(again.entries()).as("the discarded entry is not replayed").isEqualTo(1);
        assertThat(again.counts()).containsEntry("entries:open", 1L).doesNotContainKey("entries:replayed");
        QuarantineLog.Stored reopened = find(badEmail);
        assertThat(reopened.state()).isEqualTo(QuarantineLog.OPEN);
        assertThat(reopened.seenCount()).isEqualTo(2);
        assertThat(reopened.replayOutcome()).isEqualTo("quarantined again: SCHEMA_CONSTRAINT at $.email; read again from crm")
                .doesNotContain("broken again");
        assertThat(golden(BAD_EMAIL).field("email").value().asText()).as("the golden record keeps the good value")
                .isEqualTo("customer53@example.com");
        QuarantineLog.Stored discarded = find(blankName);
        assertThat(discarded.state()).isEqualTo(QuarantineLog.DISCARDED);
        assertThat(discarded.actedBy()).isEqualTo("otto");
        assertThat(discarded.note()).isEqualTo("test customer, never real");
        assertThat(discarded.replayRunId()).isNull();
    }

    private SyncHarness harness(java.util.function.UnaryOperator<String> edit) {
        return new SyncHarness(SyncHarness.contract("customers.contract.yaml", text -> edit.apply(systems.qualify(text))),
                systems.environment(), store.store);
    }

    private QuarantineReplayResult replay(String suffix, List<Long> ids, String reason) {
        QuarantineReplayWorkflow workflow = sync.client.newWorkflowStub(QuarantineReplayWorkflow.class, WorkflowOptions.newBuilder()
                .setTaskQueue(TaskQueues.ACCORD).setWorkflowId("quarantine-replay/" + FLOW + "/" + suffix).build());
        return workflow.run(new QuarantineReplayInput(FLOW, ids, reason, null, "otto", null));
    }

    private void rollback(String runId) {
        sync.client.newWorkflowStub(RollbackWorkflow.class, WorkflowOptions.newBuilder().setTaskQueue(TaskQueues.ACCORD)
                .setWorkflowId("rollback/" + runId).build()).run(new RollbackInput(null, runId, null, null));
    }

    private long entryOf(String key) {
        List<QuarantineLog.Stored> entries = store.store.inTransaction(c -> store.store.quarantine().list(c,
                new QuarantineFilter(FLOW, null, null, key), 10));
        assertThat(entries).as("quarantine entries of %s", key).hasSize(1);
        return entries.get(0).id();
    }

    private QuarantineLog.Stored find(long entry) {
        return store.store.inTransaction(c -> store.store.quarantine().find(c, entry)).orElseThrow();
    }

    private CanonicalRecord golden(String key) {
        return store.store.inTransaction(c -> store.store.golden().load(c, "customer", List.of(key))).get(key).record();
    }
}
