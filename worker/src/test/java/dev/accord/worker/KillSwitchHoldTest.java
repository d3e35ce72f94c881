package dev.accord.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.workflows.sync.SyncInput;
import dev.accord.workflows.sync.SyncResult;
import dev.accord.workflows.sync.SyncWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The global kill switch, engaged while a sync runs, holds every write: the run waits on a durable timer
 * instead of failing, however long the switch stays on, and completes once it is lifted. The demo contract
 * on in-memory H2 systems and store, with Temporal's time skipping.
 */
class KillSwitchHoldTest {

    private final String id = "ks_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final CustomerData data = new CustomerData(100);
    private CustomerSystems systems;
    private TestStore store;
    private SyncHarness sync;

    @BeforeEach
    void setUp() {
        systems = CustomerSystems.inH2(id);
        store = TestStore.h2(id + "_store");
        data.seed(systems);
        sync = new SyncHarness(SyncHarness.contract("demo/demo-h2.contract.yaml", text -> text), systems.environment(), store.store);
    }

    @AfterEach
    void tearDown() {
        Resources.closeAll(sync, store, systems);
    }

    @Test
    void writesAreHeldWhileTheKillSwitchIsOnAndTheRunCompletesOnceItIsLifted() throws InterruptedException {
        Map<String, Map<String, Map<String, Object>>> before = systems.snapshot();
        AtomicBoolean engaged = new AtomicBoolean();
        sync.connectors.beforeEachRead(() -> {
            if (engaged.compareAndSet(false, true)) {
                store.killSwitch(true, "incident 42: billing is being migrated");
            }
        });
        SyncWorkflow run = sync.stub("crm-customers");
        WorkflowClient.start(run::run, SyncInput.of("crm-customers").withMode("one-shot"));
        sync.awaitState(run, "holding");
        long heldFrom = sync.environment.currentTimeMillis();

        sync.environment.sleep(Duration.ofMinutes(10));

        assertThat(sync.environment.currentTimeMillis() - heldFrom).isGreaterThanOrEqualTo(Duration.ofMinutes(10).toMillis());
        assertThat(run.progress().state()).isEqualTo("holding");
        assertThat(systems.snapshot()).as("no system was written while the switch was on").isEqualTo(before);
        assertThat(store.count("change_log")).isZero();
        assertThat(store.count("target_delivery", "target_system = 'billing'")).as("deliveries kept for later").isPositive();
        assertThat(store.count("golden_record")).as("the hub still decided the page").isPositive();

        store.killSwitch(false, null);
        SyncResult result = WorkflowStub.fromTyped(run).getResult(SyncResult.class);

        assertThat(result.state()).isEqualTo("finished");
        long valid = data.keys().stream().filter(k -> !CustomerData.invalid(CustomerData.number(k))).count();
        assertThat(result.counts()).containsEntry("applied", valid);
        for (String target : List.of("billing", "support")) {
            assertThat(result.counts().get(target + ":written")).as("rows written to %s", target).isPositive();
            assertThat(result.counts().get(target + ":written") + result.counts().getOrDefault(target + ":unchanged", 0L))
                    .as("rows delivered to %s", target).isEqualTo(valid);
        }
        assertThat(systems.billingRows().keySet()).isEqualTo(expectedKeys(data.billingCustomers(), true));
        assertThat(systems.supportRows().keySet()).isEqualTo(expectedKeys(data.supportCustomers(), false));
        assertThat(store.count("target_delivery", "target_system in ('billing', 'support')")).isZero();
    }

    /** The rows a target holds after the run: those it had, plus every valid CRM customer. */
    private Set<String> expectedKeys(int known, boolean orphans) {
        Set<String> keys = new TreeSet<>();
        IntStream.rangeClosed(1, data.customers).filter(i -> i <= known || !CustomerData.invalid(i))
                .forEach(i -> keys.add(CustomerData.key(i)));
        if (orphans) {
            IntStream.rangeClosed(1, CustomerData.ORPHANS).forEach(i -> keys.add(CustomerData.orphanKey(i)));
        }
        return keys;
    }

}
