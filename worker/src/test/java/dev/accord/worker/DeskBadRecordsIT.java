package dev.accord.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accord.activities.Limits;
import dev.accord.connectors.resilience.SystemGuards;
import dev.accord.core.contract.Contract;
import dev.accord.demodesk.SupportDesk;
import dev.accord.workflows.TaskQueues;
import dev.accord.workflows.sync.SyncInput;
import dev.accord.workflows.sync.SyncResult;
import dev.accord.workflows.sync.SyncWorkflow;
import dev.accord.workflows.sync.SyncWorkflowImpl;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The support desk's API refuses one contact's content ({@code 422}: a name over its 120 characters, an address it
 * does not take), as SaaS APIs do: that contact is quarantined at the desk as {@code TARGET_REJECTED} with the API's
 * words (its quoted value redacted), every other contact of the page arrives, billing gets all of them, and the
 * desk's circuit breaker stays closed however many contacts it refuses — while the desk going away still opens it.
 * CRM on H2, eleven customers in pages of five with the refused ones first, last and alone. Real time.
 */
class DeskBadRecordsIT {

    private static final Set<String> BAD = Set.of("C000001", "C000005", "C000011");

    private final String id = "desk_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final SupportDesk desk = new SupportDesk("desk-token");
    private CustomerSystems systems;
    private TestStore store;
    private GuardedWorker worker;
    private SystemGuards guards;
    private TestWorkflowEnvironment environment;

    @BeforeEach
    void setUp() {
        systems = CustomerSystems.inH2(id);
        store = TestStore.h2(id + "_store");
        desk.start();
        Map<String, String> settings = new HashMap<>(systems.environment());
        settings.put("SUPPORT_API_URL", desk.baseUrl());
        settings.put("SUPPORT_API_TOKEN", "desk-token");
        Contract contract = SyncHarness.contract("demo/demo.contract.yaml", text -> text.replaceFirst("batch-size: 500", "batch-size: 5"));
        worker = new GuardedWorker(contract, settings, store.store, Duration.ofSeconds(2), false, Limits.DEFAULTS, SyncWorkflowImpl.class)
                .start();
        guards = worker.guards;
        environment = worker.environment;
    }

    @AfterEach
    void tearDown() {
        Resources.closeAll(worker, desk, store, systems);
    }

    @Test
    void aNameLongerThanTheDeskTakesIsQuarantinedAtTheDeskAndEveryOtherContactArrives() {
        insert(1, i -> BAD.contains(key(i)) ? "N".repeat(150) : "Customer " + i, i -> "customer" + i + "@example.com");

        assertRefusedByTheDesk(sync());
    }

    @Test
    void anAddressTheDeskDoesNotTakeIsQuarantinedWithTheApisWordsButNotTheValue() {
        insert(1, i -> "Customer " + i, i -> BAD.contains(key(i)) ? "customer" + i + "@intranet" : "customer" + i + "@example.com");

        assertRefusedByTheDesk(sync());
        assertThat(store.rows("select message from quarantine")).allSatisfy(q -> assertThat(q.get("message").toString())
                .contains("422").contains("not a valid address").doesNotContain("@intranet"));
    }

    @Test
    void refusedContactsNeverOpenTheDesksBreakerButTheDeskGoingAwayDoes() throws Exception {
        insert(1, i -> i % 2 == 0 ? "N".repeat(150) : "Customer " + i, i -> "customer" + i + "@example.com");
        assertThat(sync().counts()).containsEntry("support:quarantined", 5L);
        assertThat(guards.guard("support").state()).as("five refusals in a row").isEqualTo(CircuitBreaker.State.CLOSED);

        insert(12, i -> "Customer " + i, i -> "customer" + i + "@example.com");
        desk.stop();
        SyncWorkflow run = stub();
        WorkflowClient.start(run::run, SyncInput.of("crm-customers").withMode("one-shot"));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (guards.guard("support").state() != CircuitBreaker.State.OPEN && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(guards.guard("support").state()).as("an outage opens it").isEqualTo(CircuitBreaker.State.OPEN);
        desk.start();
        SyncResult resumed = WorkflowStub.fromTyped(run).getResult(2, TimeUnit.MINUTES, SyncResult.class);
        assertThat(resumed.state()).isEqualTo("finished");
        assertThat(desk.contacts().all().keySet()).contains(key(12), key(22));
    }

    private void assertRefusedByTheDesk(SyncResult result) {
        assertThat(result.state()).isEqualTo("finished");
        List<Map<String, Object>> quarantined = store.rows("select system_name, record_key, reason_code from quarantine");
        assertThat(quarantined).extracting(q -> q.get("record_key")).containsExactlyInAnyOrderElementsOf(BAD);
        assertThat(quarantined).allSatisfy(q -> {
            assertThat(q.get("system_name")).isEqualTo("support");
            assertThat(q.get("reason_code")).isEqualTo("TARGET_REJECTED");
        });
        Set<String> good = new TreeSet<>();
        for (int i = 1; i <= 11; i++) {
            good.add(key(i));
        }
        assertThat(systems.billingRows().keySet()).as("billing takes every one").containsAll(good);
        good.removeAll(BAD);
        Map<String, ObjectNode> contacts = desk.contacts().all();
        assertThat(contacts.keySet()).as("every other contact of the same pages").isEqualTo(good);
        assertThat(result.counts()).containsEntry("applied", 11L).containsEntry("support:written", 8L)
                .containsEntry("support:quarantined", 3L).containsEntry("billing:written", 11L);
        assertThat(guards.guard("support").state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    /** Eleven CRM customers from {@code first} on, active, version 1. */
    private void insert(int first, IntFunction<String> name, IntFunction<String> email) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = first; i < first + 11; i++) {
            rows.add(new Object[] {key(i), name.apply(i), email.apply(i), "A", java.sql.Timestamp.valueOf("2024-06-01 08:00:00").toInstant()
                    .plusSeconds(i).atZone(java.time.ZoneId.of("Europe/Berlin")).toLocalDateTime()});
        }
        systems.crm().batch("insert into " + systems.crmTable() + " (id, full_name, email, status_code, updated_at, row_version)"
                + " values (?, ?, ?, ?, ?, 1)", rows);
    }

    private static String key(int i) {
        return String.format("C%06d", i);
    }

    private SyncWorkflow stub() {
        return environment.getWorkflowClient().newWorkflowStub(SyncWorkflow.class, WorkflowOptions.newBuilder()
                .setTaskQueue(TaskQueues.ACCORD).setWorkflowId(TaskQueues.syncWorkflowId("crm-customers")).build());
    }

    private SyncResult sync() {
        return stub().run(SyncInput.of("crm-customers").withMode("one-shot"));
    }
}
