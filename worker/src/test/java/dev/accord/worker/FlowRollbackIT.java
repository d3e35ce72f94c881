package dev.accord.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.store.Checkpoints;
import dev.accord.store.GoldenRecords;
import dev.accord.core.contract.Contract;
import dev.accord.workflows.rollback.RollbackInput;
import dev.accord.workflows.rollback.RollbackSummary;
import dev.accord.workflows.sync.SyncResult;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code accord rollback flow --since} and {@code --contract-version} against a real store: the example
 * contract's systems on the local PostgreSQL and MariaDB, the Accord store in a PostgreSQL schema of its own,
 * and real {@code SyncWorkflow} and {@code RollbackWorkflow} runs on the Temporal test environment.
 *
 * <p>Each test builds the same history of the {@code crm-customers} flow: under contract version 3 a first
 * round of every flow and a run that renames some customers (run 2); then version 4 is deployed, a run
 * changes e-mails (run 3) and a run renames customers again (run 4), one customer ({@link #TWICE}) in both.
 * After run 4 the support desk edits one row run 4 wrote ({@link #HAND_EDITED}). Then the flow is rolled
 * back by one of the two scopes and the systems and the store are checked.
 */
class FlowRollbackIT {

    private static final String FLOW = "crm-customers";
    private static final String TWICE = CustomerData.key(12);
    private static final String HAND_EDITED = CustomerData.key(9);
    private static final List<String> RENAMED_BY_RUN_2 = keys(3, 23, 43);
    private static final List<String> EMAILS_CHANGED_BY_RUN_3 = keys(5, 25, 45, 12);
    private static final List<String> RENAMED_BY_RUN_4 = keys(7, 27, 47, 9, 12);

    private final String id = "hr_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final CustomerData data = new CustomerData(60);
    private CustomerSystems systems;
    private TestStore store;
    private SyncHarness sync;

    /** What the history left behind, for the assertions. */
    private SyncResult run2;
    private SyncResult run3;
    private SyncResult run4;
    private Instant betweenRun3And4;
    private Map<String, Map<String, Map<String, Object>>> targetsAfterRun2;
    private Map<String, Map<String, Map<String, Object>>> targetsAfterRun3;
    private Map<String, String> goldenNamesBeforeRun2;
    private Map<String, String> goldenEmailsBeforeRun3;
    private Checkpoints.Checkpoint checkpointAfterRun2;
    private Checkpoints.Checkpoint checkpointAfterRun3;
    private Map<String, Object> handEditedRow;
    private List<String> otherFlowsRuns;

    @BeforeEach
    void setUp() throws InterruptedException {
        systems = CustomerSystems.onServers(id);
        store = TestStore.postgres(id + "_store");
        data.seed(systems);
        history();
    }

    @AfterEach
    void tearDown() {
        Resources.closeAll(sync, store, systems);
    }

    private void history() throws InterruptedException {
        DayOfChanges day = new DayOfChanges(systems, data);
        sync = new SyncHarness(contract("3"), systems.environment(), store.store);
        otherFlowsRuns = new ArrayList<>();
        for (String flow : TwoWaySyncIT.FLOWS) {
            SyncResult result = sync.runOneShot(flow);
            assertThat(result.state()).as("first round, %s", flow).isEqualTo("finished");
            if (!flow.equals(FLOW)) {
                otherFlowsRuns.add(result.runId());
            }
        }
        goldenNamesBeforeRun2 = golden("name", RENAMED_BY_RUN_2);
        day.renameInCrm(RENAMED_BY_RUN_2);
        run2 = finished(sync.runOneShot(FLOW));
        targetsAfterRun2 = targets();
        checkpointAfterRun2 = checkpoint();
        sync.close();

        sync = new SyncHarness(contract("4"), systems.environment(), store.store);
        goldenEmailsBeforeRun3 = golden("email", EMAILS_CHANGED_BY_RUN_3);
        day.changeEmailsInCrm(EMAILS_CHANGED_BY_RUN_3);
        run3 = finished(sync.runOneShot(FLOW));
        targetsAfterRun3 = targets();
        checkpointAfterRun3 = checkpoint();
        Thread.sleep(20);
        betweenRun3And4 = Instant.now();
        Thread.sleep(20);
        day.renameInCrm(RENAMED_BY_RUN_4);
        run4 = finished(sync.runOneShot(FLOW));

        systems.support().execute("update " + systems.supportTable() + " set display_name = 'Name Fixed By Hand',"
                + " changed_at = '" + LocalDateTime.now(ZoneOffset.UTC) + "', row_version = row_version + 1"
                + " where customer_id = '" + HAND_EDITED + "'");
        handEditedRow = systems.supportRows().get(HAND_EDITED);

        assertThat(store.rows("select contract_version from sync_run where run_id in (?, ?, ?) order by started_at",
                run2.runId(), run3.runId(), run4.runId())).extracting(r -> r.get("contract_version"))
                .as("the run records say which contract each run ran under").containsExactly("3", "4", "4");
        assertThat(store.count("change_log", "run_id = ? and record_key = ? and target_system = 'support'", run4.runId(), HAND_EDITED))
                .as("run 4 wrote the row the support desk edited afterwards").isEqualTo(1);
    }

    @Test
    void sinceAMomentBetweenTwoRunsRevertsExactlyTheLaterRun() {
        RollbackSummary summary = sync.rollback("rollback/" + FLOW + "/" + betweenRun3And4,
                new RollbackInput(FLOW, null, betweenRun3And4.toString(), null));

        assertThat(summary.runs()).containsExactly(run4.runId());
        assertThat(summary.state()).isEqualTo("rolled-back-with-conflicts");
        assertThat(summary.conflicts()).singleElement().asString().startsWith("support/" + HAND_EDITED + ": changed after Accord wrote it");
        assertThat(summary.reverted()).isEqualTo(RENAMED_BY_RUN_4.size() - 1L);
        assertTargetsAsAfter(targetsAfterRun3);
        assertThat(golden("name", RENAMED_BY_RUN_4)).as("golden names run 4 had changed")
                .isEqualTo(namesBeforeRenaming(RENAMED_BY_RUN_4));
        assertThat(golden("email", EMAILS_CHANGED_BY_RUN_3)).as("golden e-mails of run 3, which is not rolled back")
                .isEqualTo(newEmails(EMAILS_CHANGED_BY_RUN_3));
        assertChangeLog(List.of(run4), List.of(run2, run3));
        assertThat(checkpoint()).as("the flow continues where run 4 started")
                .extracting(Checkpoints.Checkpoint::position, Checkpoints.Checkpoint::key)
                .containsExactly(checkpointAfterRun3.position(), checkpointAfterRun3.key());
    }

    @Test
    void backToTheLastKnownGoodContractRevertsEveryRunUnderTheNewOneNewestFirst() {
        RollbackSummary summary = sync.rollback("rollback/" + FLOW + "/contract-3", new RollbackInput(FLOW, null, null, "3"));

        assertThat(summary.runs()).containsExactly(run4.runId(), run3.runId());
        assertThat(summary.conflicts()).as("the only row someone else changed is the hand-edited one")
                .singleElement().asString().startsWith("support/" + HAND_EDITED + ": changed after Accord wrote it");
        assertTargetsAsAfter(targetsAfterRun2);
        assertThat(golden("name", RENAMED_BY_RUN_4)).isEqualTo(namesBeforeRenaming(RENAMED_BY_RUN_4));
        assertThat(golden("email", EMAILS_CHANGED_BY_RUN_3)).isEqualTo(goldenEmailsBeforeRun3);
        assertThat(golden("name", RENAMED_BY_RUN_2)).as("golden names of run 2, which ran under the good contract")
                .isNotEqualTo(goldenNamesBeforeRun2).isEqualTo(renamed(RENAMED_BY_RUN_2));
        assertChangeLog(List.of(run3, run4), List.of(run2));
        assertThat(checkpoint()).as("the flow continues where run 3 started")
                .extracting(Checkpoints.Checkpoint::position, Checkpoints.Checkpoint::key)
                .containsExactly(checkpointAfterRun2.position(), checkpointAfterRun2.key());
    }

    /** Billing and support hold what they held then, except the hand-edited row, which nobody touched since. */
    private void assertTargetsAsAfter(Map<String, Map<String, Map<String, Object>>> then) {
        Map<String, Map<String, Map<String, Object>>> expected = new LinkedHashMap<>();
        then.forEach((system, rows) -> expected.put(system, new TreeMap<>(rows)));
        Map<String, Object> edited = new TreeMap<>(expected.get("support").get(HAND_EDITED));
        edited.put("display_name", "Name Fixed By Hand");
        expected.get("support").put(HAND_EDITED, edited);

        assertThat(TwoWaySyncIT.differences(expected, targets())).isEmpty();
        assertThat(systems.supportRows().get(HAND_EDITED)).as("the hand-edited row, version and all").isEqualTo(handEditedRow);
    }

    /** Every write of the rolled-back runs is reverted but the hand-edited row's; earlier runs' writes stay applied. */
    private void assertChangeLog(List<SyncResult> rolledBack, List<SyncResult> untouched) {
        for (SyncResult run : rolledBack) {
            assertThat(store.rows("select target_system, record_key, status from change_log where run_id = ?", run.runId()))
                    .as("change log of %s", run.runId()).isNotEmpty()
                    .allSatisfy(e -> assertThat(e.get("status")).as("%s/%s", e.get("target_system"), e.get("record_key"))
                            .isEqualTo(e.get("target_system").equals("support") && e.get("record_key").equals(HAND_EDITED)
                                    ? "rollback-conflict" : "reverted"));
        }
        List<String> earlier = Stream.concat(untouched.stream().map(SyncResult::runId), otherFlowsRuns.stream()).toList();
        for (String run : earlier) {
            assertThat(store.rows("select distinct status from change_log where run_id = ?", run))
                    .as("change log of earlier run %s", run).extracting(r -> r.get("status")).isSubsetOf("applied");
        }
        assertThat(store.count("change_log", "run_id = ? and status = 'applied'", run2.runId())).isPositive();
    }

    private static SyncResult finished(SyncResult result) {
        assertThat(result.state()).isEqualTo("finished");
        assertThat(result.counts()).containsKey("applied");
        return result;
    }

    private Contract contract(String version) {
        return SyncHarness.contract("customers.contract.yaml",
                text -> systems.qualify(text).replace("\nversion: 3\n", "\nversion: " + version + "\n"));
    }

    private Map<String, Map<String, Map<String, Object>>> targets() {
        return systems.targetContents();
    }

    private Map<String, String> golden(String field, List<String> keys) {
        Map<String, GoldenRecords.Stored> stored = store.store.inTransaction(c -> store.store.golden().load(c, "customer", keys));
        Map<String, String> values = new TreeMap<>();
        keys.forEach(key -> values.put(key, stored.get(key).record().field(field).value().asText()));
        return values;
    }

    private Checkpoints.Checkpoint checkpoint() {
        return store.store.inTransaction(c -> store.store.checkpoints().load(c, FLOW)).orElseThrow();
    }

    private static Map<String, String> namesBeforeRenaming(List<String> keys) {
        Map<String, String> names = new TreeMap<>();
        keys.forEach(key -> names.put(key, nfc(CustomerData.name(CustomerData.number(key)))));
        return names;
    }

    private static Map<String, String> renamed(List<String> keys) {
        Map<String, String> names = new TreeMap<>();
        keys.forEach(key -> names.put(key, nfc(CustomerData.name(CustomerData.number(key)) + " Jr.")));
        return names;
    }

    private static String nfc(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    private static Map<String, String> newEmails(List<String> keys) {
        Map<String, String> emails = new TreeMap<>();
        keys.forEach(key -> emails.put(key, "new-" + CustomerData.email(CustomerData.number(key))));
        return emails;
    }

    private static List<String> keys(int... numbers) {
        return Arrays.stream(numbers).mapToObj(CustomerData::key).toList();
    }
}
