package dev.accord.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.store.Checkpoints;
import dev.accord.store.GoldenRecords;
import dev.accord.workflows.sync.CanaryOptions;
import dev.accord.workflows.sync.SyncInput;
import dev.accord.workflows.sync.SyncResult;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The canary's read-back against real targets: the example contract's systems on the local PostgreSQL
 * (CRM, support) and MariaDB (billing), the store in a PostgreSQL schema of its own, real
 * {@code SyncWorkflow} runs on the Temporal test environment. After a first round of every flow the CRM
 * gives some customers new e-mail addresses in mixed case, and {@code crm-customers} runs with
 * {@code --canary 30}. In one test the support desk's database lower-cases every e-mail it is sent (a
 * trigger), so what Accord wrote there does not read back as the golden record says.
 */
class CanaryReadBackIT {

    private static final String FLOW = "crm-customers";
    private static final CanaryOptions CANARY = new CanaryOptions(30.0, null);

    private final String id = "hr_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final CustomerData data = new CustomerData(60);
    private CustomerSystems systems;
    private TestStore store;
    private SyncHarness sync;
    private List<String> moved;
    private List<String> canaryKeys;

    @BeforeEach
    void setUp() {
        systems = CustomerSystems.onServers(id);
        store = TestStore.postgres(id + "_store");
        data.seed(systems);
        sync = new SyncHarness(SyncHarness.contract("customers.contract.yaml", systems::qualify), systems.environment(), store.store);
        for (String flow : TwoWaySyncIT.FLOWS) {
            assertThat(sync.runOneShot(flow).state()).as("first round, %s", flow).isEqualTo("finished");
        }
        moved = IntStream.rangeClosed(1, data.customers).filter(i -> i % 3 == 1 && !CustomerData.invalid(i))
                .mapToObj(CustomerData::key).toList();
        canaryKeys = moved.stream().filter(key -> CANARY.includes(key, true)).toList();
        assertThat(canaryKeys).as("the canary's share of the changed customers").isNotEmpty().hasSizeLessThan(moved.size() / 2);
    }

    @AfterEach
    void tearDown() {
        Resources.closeAll(sync, store, systems);
    }

    @Test
    void aTargetThatRewritesWhatItIsSentFailsTheCanaryAndEverythingTheRunWroteIsReverted() {
        systems.support().execute("create function " + id + ".lower_email() returns trigger language plpgsql as"
                        + " $$ begin new.email := lower(new.email); return new; end $$",
                "create trigger lower_email before insert or update on " + systems.supportTable()
                        + " for each row execute function " + id + ".lower_email()");
        Map<String, Map<String, Map<String, Object>>> targetsBefore = targets();
        Map<String, String> goldenBefore = goldenEmails();
        Checkpoints.Checkpoint checkpointBefore = checkpoint();
        moveEmails();

        SyncResult result = runWithCanary();

        assertThat(result.state()).isEqualTo("canary-failed");
        assertThat(result.counts())
                .containsEntry("canary:checked", 2L * canaryKeys.size())
                .containsEntry("canary:mismatches", (long) canaryKeys.size())
                .containsEntry("rollback:reverted", 2L * canaryKeys.size())
                .containsEntry("rollback:conflicts", 0L);
        assertThat(store.rows("select state from sync_run where run_id = ?", result.runId()))
                .extracting(r -> r.get("state")).containsExactly("canary-failed");
        assertThat(store.rows("select target_system, record_key, status from change_log where run_id = ?", result.runId()))
                .as("the run wrote the canary's rows to both targets, and nothing else, and reverted them all")
                .extracting(r -> r.get("target_system") + "/" + r.get("record_key") + " " + r.get("status"))
                .containsExactlyInAnyOrderElementsOf(canaryKeys.stream()
                        .flatMap(k -> List.of("billing/" + k + " reverted", "support/" + k + " reverted").stream()).toList());
        assertThat(TwoWaySyncIT.differences(targetsBefore, targets())).as("billing and support after the run").isEmpty();
        assertThat(goldenEmails()).as("golden e-mails after the run").isEqualTo(goldenBefore);
        assertThat(checkpoint()).as("the flow's checkpoint").extracting(Checkpoints.Checkpoint::position, Checkpoints.Checkpoint::key)
                .containsExactly(checkpointBefore.position(), checkpointBefore.key());
    }

    @Test
    void targetsThatHoldWhatTheyAreSentPassTheCanaryAndGetEveryChange() {
        moveEmails();

        SyncResult result = runWithCanary();

        assertThat(result.state()).isEqualTo("finished");
        assertThat(result.counts()).containsEntry("canary:checked", 2L * canaryKeys.size()).doesNotContainKey("canary:mismatches");
        Map<String, String> expected = moved.stream().collect(Collectors.toMap(k -> k, CanaryReadBackIT::movedEmail, (a, b) -> a, TreeMap::new));
        assertThat(emails(systems.billingRows(), "contact_email")).as("billing").containsAllEntriesOf(expected);
        assertThat(emails(systems.supportRows(), "email")).as("support").containsAllEntriesOf(expected);
        assertThat(goldenEmails()).containsAllEntriesOf(expected);
        assertThat(store.count("change_log", "run_id = ? and status = 'applied'", result.runId())).isEqualTo(2L * moved.size());
        assertThat(store.count("target_delivery")).as("deliveries still queued").isZero();
    }

    private SyncResult runWithCanary() {
        return sync.stub(FLOW).run(SyncInput.of(FLOW).withMode("one-shot").withCanary(CANARY));
    }

    /** The CRM gives the customers in {@link #moved} new addresses with capitals in them. */
    private void moveEmails() {
        String now = LocalDateTime.now(ZoneId.of("Europe/Berlin")).toString();
        systems.crm().batch("update " + systems.crmTable() + " set email = ?, updated_at = '" + now + "',"
                + " row_version = row_version + 1 where id = ?", moved.stream().map(k -> new Object[] {movedEmail(k), k}).toList());
    }

    private static String movedEmail(String key) {
        return "Moved." + CustomerData.email(CustomerData.number(key)).replace("@example.com", "@Example.COM");
    }

    private Map<String, String> goldenEmails() {
        Map<String, GoldenRecords.Stored> stored = store.store.inTransaction(c -> store.store.golden().load(c, "customer", moved));
        Map<String, String> emails = new TreeMap<>();
        moved.forEach(key -> emails.put(key, stored.get(key).record().field("email").value().asText()));
        return emails;
    }

    private static Map<String, String> emails(Map<String, Map<String, Object>> rows, String column) {
        Map<String, String> emails = new TreeMap<>();
        rows.forEach((key, row) -> emails.put(key, String.valueOf(row.get(column))));
        return emails;
    }

    private Checkpoints.Checkpoint checkpoint() {
        return store.store.inTransaction(c -> store.store.checkpoints().load(c, FLOW)).orElseThrow();
    }

    private Map<String, Map<String, Map<String, Object>>> targets() {
        return systems.targetContents();
    }
}
