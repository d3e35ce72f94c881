package dev.accord.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.connectors.SourceCursor;
import dev.accord.connectors.SourcePage;
import dev.accord.core.page.AppliedPage;
import dev.accord.core.page.PageRef;
import dev.accord.core.page.ResolvedPage;
import dev.accord.core.page.RunRef;
import dev.accord.core.page.SourceRecord;
import dev.accord.core.page.TargetOutcome;
import dev.accord.core.page.ValidatedPage;
import dev.accord.core.rollback.RollbackResult;
import dev.accord.engine.DeliveryOrder;
import dev.accord.engine.Hub;
import dev.accord.engine.TargetApplier;
import dev.accord.store.Checkpoints;
import dev.accord.workflows.sync.SyncInput;
import dev.accord.workflows.sync.SyncResult;
import dev.accord.workflows.sync.SyncWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two-way sync of the example contract between a CRM and a support desk on the local PostgreSQL and a
 * billing system on the local MariaDB, with the Accord store in a PostgreSQL schema of its own. The flows
 * run as real {@code SyncWorkflow}s on the Temporal test environment. Each test seeds fresh systems with
 * conflicting, outdated and invalid data and drops everything afterwards.
 */
class TwoWaySyncIT {

    static final List<String> FLOWS = List.of("crm-customers", "billing-customers", "support-customers");

    private final String id = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final CustomerData data = new CustomerData(400);
    private CustomerSystems systems;
    private TestStore store;
    private SyncHarness sync;

    @BeforeEach
    void setUp() {
        systems = CustomerSystems.onServers(id);
        store = TestStore.postgres(id + "_store");
        data.seed(systems);
        sync = new SyncHarness(SyncHarness.contract("customers.contract.yaml", systems::qualify), systems.environment(), store.store);
    }

    @AfterEach
    void tearDown() {
        Resources.closeAll(sync, store, systems);
    }

    @Test
    void theStoreIsMigratedIntoItsOwnSchema() {
        List<String> tables = Db.postgres().rows("select table_name from information_schema.tables where table_schema = ?"
                + " order by table_name", store.schema).stream().map(r -> (String) r.get("table_name")).toList();

        assertThat(tables).contains("accord_schema_history", "golden_record", "applied_change", "field_history",
                "target_delivery", "change_log", "echo_memory", "flow_checkpoint", "quarantine", "sync_run", "kill_switch");
        List<Map<String, Object>> migrations = store.rows("select version, success from accord_schema_history"
                + " where version is not null order by installed_rank");
        assertThat(migrations).extracting(r -> r.get("version")).startsWith("1");
        assertThat(migrations).extracting(r -> r.get("success")).containsOnly(true);
        assertThat(Db.postgres().count("select count(*) from information_schema.tables where table_schema = ?"
                + " and table_name = 'golden_record'", id)).as("nothing of the store lands in the systems' schema").isZero();
    }

    @Test
    void afterOneRoundEverySystemHoldsWhatTheContractsOwnershipRulesSay() {
        Map<String, SyncResult> round = round();

        assertThat(round.values()).extracting(SyncResult::state).containsOnly("finished");
        long invalid = data.keys().stream().filter(k -> CustomerData.invalid(CustomerData.number(k))).count();
        assertThat(round.get("crm-customers").counts())
                .containsEntry("quarantined", invalid)
                .containsEntry("applied", data.customers - invalid);
        Map<String, Map<String, Object>> crm = systems.crmRows();
        Map<String, Map<String, Object>> billing = systems.billingRows();
        Map<String, Map<String, Object>> support = systems.supportRows();
        List<String> wrong = new ArrayList<>();
        for (int i = 1; i <= data.customers; i++) {
            if (!CustomerData.invalid(i)) {
                wrong.addAll(followsTheContract(i, crm.get(CustomerData.key(i)), billing.get(CustomerData.key(i)),
                        support.get(CustomerData.key(i))));
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** What one valid customer must look like in every system after the flows ran; empty when it does. */
    private List<String> followsTheContract(int i, Map<String, Object> crm, Map<String, Object> billing, Map<String, Object> support) {
        String key = CustomerData.key(i);
        if (billing == null || support == null) {
            return List.of(key + ": missing in " + (billing == null ? "billing " : "") + (support == null ? "support" : ""));
        }
        String plan = i <= data.billingCustomers() ? CustomerData.plan(CustomerData.planCode(i)) : "free";
        String phone = data.corrected(i) ? CustomerData.correctedPhone(i) : CustomerData.phone(i);
        String phoneRule = data.corrected(i) ? "support's newer correction wins" : data.outdated(i)
                ? "support's outdated phone is replaced" : "last writer wins";
        String billingPlan = billing.get("plan_code") == null ? null : CustomerData.plan((String) billing.get("plan_code"));
        List<String> wrong = new ArrayList<>();
        check(wrong, key, "crm.plan (billing owns plan)", plan, crm.get("plan"));
        check(wrong, key, "billing.plan_code (billing owns plan)", plan, billingPlan);
        check(wrong, key, "billing.contact_email (crm owns email)", CustomerData.email(i), billing.get("contact_email"));
        check(wrong, key, "crm.phone (" + phoneRule + ")", phone, crm.get("phone"));
        check(wrong, key, "support.phone (" + phoneRule + ")", phone, support.get("phone"));
        check(wrong, key, "support.plan (billing owns plan)", plan, support.get("plan"));
        check(wrong, key, "support.email (crm owns email)", CustomerData.email(i), support.get("email"));
        check(wrong, key, "support.status (crm owns status)", CustomerData.status(CustomerData.statusCode(i)), support.get("status"));
        return wrong;
    }

    private static void check(List<String> wrong, String key, String what, Object expected, Object actual) {
        if (!expected.equals(actual)) {
            wrong.add(key + " " + what + ": expected " + expected + " but was " + actual);
        }
    }

    @Test
    void aPhoneSupportFixedSurvivesALaterCrmEditOfSomethingElse() throws Exception {
        round();
        DayOfChanges day = new DayOfChanges(systems, data);
        List<String> keys = day.keys(1, 40).stream().filter(k -> CustomerData.number(k) <= data.supportCustomers()).toList();
        day.fixPhonesInSupport(keys);
        Thread.sleep(50);
        day.renameInCrm(keys);

        round();

        Map<String, Map<String, Object>> crm = systems.crmRows();
        Map<String, Map<String, Object>> support = systems.supportRows();
        for (String key : keys) {
            assertThat(crm.get(key)).as("CRM row of %s: renamed after support fixed the phone", key).containsEntry("phone", "+49 40 7777777");
            assertThat(support.get(key)).as("support row of %s", key).containsEntry("phone", "+49 40 7777777");
        }
    }

    @Test
    void aDayOfChangesInEverySystemReachesTheOthersInTheNextRound() {
        round();
        DayOfChanges day = new DayOfChanges(systems, data);
        List<String> renamed = day.keys(3, 20);
        List<String> closed = day.keys(7, 50);
        List<String> upgraded = day.keys(11, 33).stream().filter(k -> CustomerData.number(k) <= data.billingCustomers()).toList();
        List<String> fixed = day.keys(1, 25).stream().filter(k -> CustomerData.number(k) <= data.supportCustomers()).toList();
        day.renameInCrm(renamed);
        day.closeInCrm(closed);
        day.upgradePlansInBilling(upgraded);
        day.fixPhonesInSupport(fixed);

        Map<String, SyncResult> next = round();

        assertThat(next.values()).extracting(SyncResult::state).containsOnly("finished");
        assertThat(next.get("crm-customers").counts()).containsEntry("applied", (long) renamed.size() + closed.size());
        Map<String, Map<String, Object>> crm = systems.crmRows();
        Map<String, Map<String, Object>> billing = systems.billingRows();
        Map<String, Map<String, Object>> support = systems.supportRows();
        for (String key : renamed) {
            String name = Normalizer.normalize((CustomerData.crmName(CustomerData.number(key)) + " Jr.").strip(), Normalizer.Form.NFC);
            assertThat(support.get(key)).as("support row of renamed %s", key).containsEntry("display_name", name);
        }
        for (String key : closed) {
            assertThat(crm.get(key).get("deleted_at")).as("CRM row of closed %s", key).isNotNull();
            assertThat(billing).as("billing deletes closed customers for good").doesNotContainKey(key);
            assertThat(support).as("support deletes closed customers for good").doesNotContainKey(key);
        }
        for (String key : upgraded) {
            if (!closed.contains(key)) {
                assertThat(crm.get(key)).as("CRM row of upgraded %s", key).containsEntry("plan", "enterprise");
                assertThat(support.get(key)).as("support row of upgraded %s", key).containsEntry("plan", "enterprise");
            }
        }
        for (String key : fixed) {
            assertThat(crm.get(key)).as("CRM row of %s, whose phone support fixed", key).containsEntry("phone", "+49 40 7777777");
        }
    }

    @Test
    void invalidRowsAreQuarantinedWithReasonCodesAndNeverWritten() {
        round();

        Map<String, Map<String, Object>> billing = systems.billingRows();
        Map<String, Map<String, Object>> support = systems.supportRows();
        for (int i = 1; i <= data.customers; i++) {
            if (!CustomerData.invalid(i)) {
                continue;
            }
            String key = CustomerData.key(i);
            List<String> reasons = store.rows("select reason_code, path from quarantine where flow = 'crm-customers'"
                    + " and system_name = 'crm' and record_key = ?", key).stream()
                    .map(r -> r.get("reason_code") + " " + r.get("path")).toList();
            String expected = CustomerData.badEmail(i) ? "SCHEMA_CONSTRAINT $.email"
                    : CustomerData.blankName(i) ? "REQUIRED_MISSING $.name" : "SCHEMA_CONSTRAINT $.phone";
            assertThat(reasons).as("quarantine of %s", key).containsExactly(expected);
            // The CRM's invalid values never reach the golden record, so no target gets them; other owners'
            // valid values (billing's plan) still flow to these customers' rows.
            if (i <= data.billingCustomers()) {
                assertThat(billing.get(key)).as("billing row of %s", key)
                        .containsEntry("contact_email", CustomerData.billingEmail(i));
            } else {
                assertThat(billing).as("billing rows").doesNotContainKey(key);
            }
            if (i <= data.supportCustomers()) {
                assertThat(support.get(key)).as("support row of %s", key)
                        .containsEntry("email", CustomerData.email(i));
            } else {
                assertThat(support).as("support rows").doesNotContainKey(key);
            }
        }
        for (int i = 1; i <= CustomerData.ORPHANS; i++) {
            String orphan = CustomerData.orphanKey(i);
            assertThat(systems.crmRows()).doesNotContainKey(orphan);
            assertThat(store.rows("select reason_code, path, system_name from quarantine where record_key = ?", orphan))
                    .as("an account the CRM never had cannot become a CRM customer without a name")
                    .extracting(r -> r.get("system_name") + " " + r.get("reason_code") + " " + r.get("path"))
                    .contains("crm REQUIRED_MISSING $.name");
        }
    }

    @Test
    void runningTheFlowsAgainAppliesNothingTwice() {
        round();
        Map<String, Map<String, Map<String, Object>>> synced = systems.snapshot();
        long historyBefore = store.count("field_history", "1 = 1");
        long appliedWrites = store.count("change_log", "status = 'applied'");

        Map<String, SyncResult> again = round();
        rewindCheckpoints();
        Map<String, SyncResult> replay = round();

        for (SyncResult result : List.of(again.values(), replay.values()).stream().flatMap(c -> c.stream()).toList()) {
            assertThat(result.state()).isEqualTo("finished");
            assertThat(result.counts()).as("counts of %s", result.flow())
                    .satisfies(c -> assertThat(c.keySet()).noneMatch(k -> k.endsWith(":written")));
        }
        // The only values applied again are first values of a CRM row that became valid after round one
        // (support's phone corrected its malformed phone); the CRM cursor did not see that write, the replay
        // does. Nothing that was applied before is applied again.
        assertThat(store.rows("select reason from field_history where decision = 'applied' and id > (select max(id) - ? from"
                + " field_history)", store.count("field_history", "1 = 1") - historyBefore))
                .extracting(r -> r.get("reason")).allMatch(reason -> "first value".equals(reason));
        long reread = replay.get("crm-customers").counts().entrySet().stream().filter(e -> !e.getKey().contains(":"))
                .mapToLong(Map.Entry::getValue).sum();
        assertThat(reread).as("the replay read every CRM row again").isEqualTo(data.customers);
        assertThat(store.count("change_log", "status = 'applied'")).isEqualTo(appliedWrites);
        assertThat(systems.snapshot()).isEqualTo(synced);
    }

    /** Replays every flow from the beginning: every change comes again. */
    private void rewindCheckpoints() {
        store.store.inTransaction(c -> {
            for (String flow : FLOWS) {
                Checkpoints.Checkpoint at = store.store.checkpoints().load(c, flow).orElseThrow();
                store.store.checkpoints().save(c, new Checkpoints.Checkpoint(flow, null, null, at.headPosition(), at.headKey(),
                        at.workflowId(), at.runId(), 0, null));
            }
            return null;
        });
    }

    @Test
    void resolveAndApplyRetriedWithTheSameRequestDecideAndWriteOnce() {
        round();
        DayOfChanges day = new DayOfChanges(systems, data);
        List<String> renamed = day.keys(3, 20);
        List<String> newEmails = day.keys(9, 40);
        day.renameInCrm(renamed);
        day.changeEmailsInCrm(newEmails);
        PageRef page = new PageRef("crm-customers", new RunRef("sync/crm-customers", "retried-run", "retried-execution"), 1);
        ValidatedPage validated = sync.engine.boundary().validate(page, nextCrmPage(), false);
        Hub hub = sync.engine.hub();

        ResolvedPage first = hub.resolve(page, validated.changes(), false);
        Map<String, Long> afterFirst = store.ledger();
        ResolvedPage retried = hub.resolve(page, validated.changes(), false);

        assertThat(first.records()).hasSize(renamed.size() + newEmails.size());
        assertThat(first.records()).extracting(r -> r.decision().spelling()).containsOnly("applied");
        assertThat(retried.records()).isEqualTo(first.records());
        assertThat(retried.deliveries()).as("keys still to deliver").containsAll(first.deliveries());
        assertThat(store.ledger()).isEqualTo(afterFirst);

        TargetApplier applier = sync.engine.applier(hub);
        for (String target : List.of("billing", "support")) {
            DeliveryOrder request = DeliveryOrder.of(page, target, first.deliveries(), false);
            AppliedPage applied = applier.apply(request, () -> { });
            Map<String, Map<String, Map<String, Object>>> written = systems.snapshot();
            Map<String, Long> ledger = store.ledger();
            AppliedPage again = applier.apply(request, () -> { });

            assertThat(applied.records()).as("first apply to %s", target)
                    .filteredOn(o -> o.status() == TargetOutcome.Status.WRITTEN).isNotEmpty();
            assertThat(again.records()).as("retried apply to %s", target)
                    .noneMatch(o -> o.status() == TargetOutcome.Status.WRITTEN);
            assertThat(systems.snapshot()).as("%s after the retry", target).isEqualTo(written);
            assertThat(store.ledger()).isEqualTo(ledger);
        }
        Map<String, Map<String, Object>> billing = systems.billingRows();
        Map<String, Map<String, Object>> support = systems.supportRows();
        for (String key : newEmails) {
            String email = "new-" + CustomerData.email(CustomerData.number(key));
            assertThat(billing.get(key)).containsEntry("contact_email", email);
            assertThat(support.get(key)).containsEntry("email", email);
        }
        assertThat(store.count("change_log", "run_id = 'retried-run' and status = 'applied'"))
                .as("one write per changed row and system").isEqualTo(newEmails.size() * 2L + renamed.size());
    }

    /** The CRM's changes after the flow's checkpoint, as the extract activity reads them. */
    private List<SourceRecord> nextCrmPage() {
        Checkpoints.Checkpoint at = store.store.inTransaction(c -> store.store.checkpoints().load(c, "crm-customers")).orElseThrow();
        SourcePage page = sync.connectors.source("crm", "customer").readChanges(new SourceCursor(at.position(), at.key()), 500);
        return page.rows().stream().map(r -> new SourceRecord(r.key(), r.sourceVersion(), r.timestamp(), r.deleted(), r.columns())).toList();
    }

    @Test
    void aWorkerKilledRightAfterWritingIsRetriedByTemporalWithoutWritingTwice() {
        round();
        DayOfChanges day = new DayOfChanges(systems, data);
        List<String> newEmails = day.keys(9, 40);
        day.changeEmailsInCrm(newEmails);
        Map<String, Map<String, Object>> billingBefore = systems.billingRows();
        Map<String, Map<String, Object>> supportBefore = systems.supportRows();
        sync.connectors.crashAfterNextWrite("billing");
        sync.connectors.crashAfterNextWrite("support");

        SyncResult result = sync.runOneShot("crm-customers");

        assertThat(sync.connectors.crashes()).isEqualTo(2);
        assertThat(result.state()).isEqualTo("finished");
        assertThat(result.counts()).containsEntry("applied", (long) newEmails.size());
        assertWrittenOnce(systems.billingRows(), billingBefore, newEmails, "contact_email", "version");
        assertWrittenOnce(systems.supportRows(), supportBefore, newEmails, "email", "row_version");
        assertThat(store.rows("select target_system, record_key, count(*) as writes from change_log where run_id = ?"
                + " group by target_system, record_key having count(*) > 1", result.runId())).as("rows written twice").isEmpty();
        assertThat(store.count("change_log", "run_id = ?", result.runId())).isEqualTo(newEmails.size() * 2L);
        assertThat(store.rows("select distinct status from change_log where run_id = ?", result.runId()))
                .as("the writes that landed before the crash are logged as applied, ready for a rollback")
                .extracting(r -> r.get("status")).containsExactly("applied");
        assertThat(store.count("target_delivery")).as("deliveries left pending").isZero();
    }

    /** Each changed row got the new e-mail with exactly one version bump; no other row was touched. */
    private static void assertWrittenOnce(Map<String, Map<String, Object>> after, Map<String, Map<String, Object>> before,
                                          List<String> changed, String emailColumn, String versionColumn) {
        assertThat(after.keySet()).isEqualTo(before.keySet());
        for (String key : after.keySet()) {
            if (changed.contains(key)) {
                assertThat(after.get(key)).as(key)
                        .containsEntry(emailColumn, "new-" + CustomerData.email(CustomerData.number(key)))
                        .containsEntry(versionColumn, (Long) before.get(key).get(versionColumn) + 1);
            } else {
                assertThat(after.get(key)).as(key).isEqualTo(before.get(key));
            }
        }
    }

    @Test
    void rollingBackARunRestoresTheRowsItWroteAndRollingBackTwiceIsANoOp() throws InterruptedException {
        round();
        DayOfChanges day = new DayOfChanges(systems, data);
        day.renameInCrm(day.keys(3, 20));
        day.closeInCrm(day.keys(7, 50));
        day.upgradePlansInBilling(day.keys(11, 33).stream().filter(k -> CustomerData.number(k) <= data.billingCustomers()).toList());
        day.fixPhonesInSupport(day.keys(1, 25).stream().filter(k -> CustomerData.number(k) <= data.supportCustomers()).toList());
        Map<String, Map<String, Map<String, Object>>> before = systems.snapshot();
        SyncWorkflow run = sync.stub("crm-customers");
        WorkflowClient.start(run::run, SyncInput.of("crm-customers").withMode("continuous"));
        sync.awaitState(run, "waiting");
        Map<String, Map<String, Map<String, Object>>> during = systems.snapshot();

        run.rollback();
        SyncResult result = WorkflowStub.fromTyped(run).getResult(SyncResult.class);

        assertThat(differences(contents(before), contents(during))).as("what the run wrote").isNotEmpty();
        assertThat(result.state()).isEqualTo("rolled-back");
        assertThat(result.counts()).containsEntry("rollback:conflicts", 0L);
        assertThat(result.counts().get("rollback:reverted")).isPositive();
        assertThat(differences(contents(before), contents(systems.snapshot()))).isEmpty();
        assertThat(store.rows("select distinct status from change_log where run_id = ?", result.runId()))
                .extracting(r -> r.get("status")).containsExactly("reverted");

        Map<String, Map<String, Map<String, Object>>> restored = systems.snapshot();
        RollbackResult again = sync.engine.reverter().revertRun("crm-customers", result.runId(), () -> { });

        assertThat(again.reverted()).isZero();
        assertThat(again.conflicts()).isEmpty();
        assertThat(again.alreadyReverted()).isEqualTo(result.counts().get("rollback:reverted"));
        assertThat(systems.snapshot()).isEqualTo(restored);
    }

    /**
     * The business columns of every row: versions and change-tracking timestamps left out (a restore is a
     * new write, so both move on). Billing's plan codes are compared by the plan they name: the change log
     * keeps canonical before-images, so a restored row spells its plan the contract's way ({@code PRO}),
     * not necessarily as billing's application did ({@code Pro}).
     */
    private static Map<String, Map<String, Map<String, Object>>> contents(Map<String, Map<String, Map<String, Object>>> snapshot) {
        Set<String> bookkeeping = Set.of("row_version", "updated_at", "version", "modified_at", "changed_at");
        Map<String, Map<String, Map<String, Object>>> contents = new LinkedHashMap<>();
        snapshot.forEach((system, rows) -> contents.put(system, rows.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> e.getValue().entrySet().stream().filter(Predicate.not(c -> bookkeeping.contains(c.getKey())))
                        .collect(Collectors.toMap(Map.Entry::getKey, TwoWaySyncIT::businessValue, (a, b) -> a, TreeMap::new)),
                (a, b) -> a, TreeMap::new))));
        return contents;
    }

    private static Object businessValue(Map.Entry<String, Object> column) {
        String text = String.valueOf(column.getValue());
        return column.getKey().equals("plan_code") && CustomerData.plan(text) != null ? CustomerData.plan(text) : text;
    }

    /** Row by row and column by column, what differs between two snapshots. */
    static List<String> differences(Map<String, Map<String, Map<String, Object>>> expected,
                                    Map<String, Map<String, Map<String, Object>>> actual) {
        List<String> differences = new ArrayList<>();
        expected.forEach((system, rows) -> {
            Map<String, Map<String, Object>> other = actual.getOrDefault(system, Map.of());
            Set<String> keys = new java.util.TreeSet<>(rows.keySet());
            keys.addAll(other.keySet());
            for (String key : keys) {
                Map<String, Object> want = rows.get(key);
                Map<String, Object> got = other.get(key);
                if (want == null || got == null) {
                    differences.add(system + "/" + key + ": " + (want == null ? "unexpected row " + got : "missing row " + want));
                } else if (!want.equals(got)) {
                    want.forEach((column, value) -> {
                        if (!java.util.Objects.equals(value, got.get(column))) {
                            differences.add(system + "/" + key + "." + column + ": expected " + value + " but was " + got.get(column));
                        }
                    });
                }
            }
        });
        return differences;
    }

    private Map<String, SyncResult> round() {
        Map<String, SyncResult> results = new LinkedHashMap<>();
        FLOWS.forEach(flow -> results.put(flow, sync.runOneShot(flow)));
        return results;
    }
}
