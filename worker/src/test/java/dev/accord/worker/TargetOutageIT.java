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
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The support desk's API goes away for 30 seconds in the middle of a sync of the demo contract (CRM on H2 to
 * billing on H2 and the support desk over HTTP). Its circuit breaker opens, the run holds on a durable timer
 * instead of failing or skipping pages, and once the API is back the breaker's probe closes it and the run
 * completes: every valid CRM customer is in the desk exactly once, written exactly once, with the CRM's
 * values; nothing is left pending. Real time (no time skipping), about a minute.
 */
class TargetOutageIT {

    private static final Duration OUTAGE = Duration.ofSeconds(30);

    private final String id = "out_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final CustomerData data = new CustomerData(400);
    private final SupportDesk desk = new SupportDesk("outage-token");
    private final List<CircuitBreaker.State> transitions = Collections.synchronizedList(new ArrayList<>());
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private CustomerSystems systems;
    private TestStore store;
    private GuardedWorker worker;
    private SystemGuards guards;
    private TestWorkflowEnvironment environment;

    @BeforeEach
    void setUp() {
        systems = CustomerSystems.inH2(id);
        data.seed(systems);
        store = TestStore.h2(id + "_store");
        desk.start();
        Map<String, String> settings = new HashMap<>(systems.environment());
        settings.put("SUPPORT_API_URL", desk.baseUrl());
        settings.put("SUPPORT_API_TOKEN", "outage-token");
        Contract contract = SyncHarness.contract("demo/demo.contract.yaml", text -> text.replaceFirst("batch-size: 500", "batch-size: 40"));
        worker = new GuardedWorker(contract, settings, store.store, Duration.ofSeconds(3), false, Limits.DEFAULTS, SyncWorkflowImpl.class);
        guards = worker.guards;
        ResilienceConfiguration.bind(guards, meters);
        guards.guard("support");
        guards.circuitBreakers().circuitBreaker("support").getEventPublisher()
                .onStateTransition(e -> transitions.add(e.getStateTransition().getToState()));
        environment = worker.start().environment;
    }

    @AfterEach
    void tearDown() {
        Resources.closeAll(worker, desk, store, systems);
    }

    @Test
    void theBreakerOpensTheRunHoldsAndAfterRecoveryEveryRecordIsWrittenExactlyOnce() throws Exception {
        SyncWorkflow run = environment.getWorkflowClient().newWorkflowStub(SyncWorkflow.class, WorkflowOptions.newBuilder()
                .setTaskQueue(TaskQueues.ACCORD).setWorkflowId(TaskQueues.syncWorkflowId("crm-customers")).build());
        WorkflowClient.start(run::run, SyncInput.of("crm-customers").withMode("one-shot"));

        awaitCondition(() -> desk.contacts().size() >= 80, "the first pages reach the support desk");
        desk.stop();
        long down = System.nanoTime();
        int writtenBeforeOutage = desk.contacts().size();
        awaitCondition(() -> "holding".equals(run.progress().state()), "the run holds while the desk is down");
        assertThat(transitions).as("breaker transitions while the desk is down").contains(CircuitBreaker.State.OPEN);
        long pagesWhileHolding = run.progress().pages();
        Thread.sleep(Math.max(0, OUTAGE.toMillis() - (System.nanoTime() - down) / 1_000_000));
        assertThat(run.progress().state()).isEqualTo("holding");
        assertThat(run.progress().pages()).as("no page was checkpointed while a target was unreachable").isEqualTo(pagesWhileHolding);
        desk.start();

        SyncResult result = WorkflowStub.fromTyped(run).getResult(3, TimeUnit.MINUTES, SyncResult.class);

        assertThat(result.state()).isEqualTo("finished");
        assertThat(writtenBeforeOutage).isLessThan(valid().size());
        assertThat(transitions).containsSubsequence(CircuitBreaker.State.OPEN, CircuitBreaker.State.HALF_OPEN, CircuitBreaker.State.CLOSED);
        assertThat(guards.guard("support").state()).isEqualTo(CircuitBreaker.State.CLOSED);
        Map<String, ObjectNode> contacts = desk.contacts().all();
        assertThat(contacts.keySet()).as("every valid CRM customer, nothing else").isEqualTo(valid());
        for (ObjectNode contact : contacts.values()) {
            int i = CustomerData.number(contact.get("id").asText());
            assertThat(contact.get("email").asText()).isEqualTo(CustomerData.email(i));
            assertThat(contact.get("name").asText()).isEqualTo(java.text.Normalizer.normalize(CustomerData.name(i), java.text.Normalizer.Form.NFC));
            assertThat(contact.get("status").asText()).isEqualTo(CustomerData.status(CustomerData.statusCode(i)));
        }
        assertThat(desk.contacts().writesById().values()).as("writes per contact").containsOnly(1L);
        assertThat(store.count("change_log", "target_system = 'support' and status = 'applied'")).isEqualTo(valid().size());
        assertThat(store.count("change_log", "target_system = 'support' and status = 'pending'")).isZero();
        assertThat(store.count("target_delivery", "target_system = 'support'")).isZero();
        assertThat(systems.billingRows().keySet()).containsAll(valid());
        assertThat(meters.get("resilience4j.circuitbreaker.not.permitted.calls").tag("name", "support").counter().count())
                .as("calls the open breaker refused, exported as a metric").isPositive();
        assertThat(meters.get("resilience4j.circuitbreaker.state").tags("name", "support", "state", "closed").gauge().value()).isEqualTo(1.0);
    }

    private Set<String> valid() {
        return data.keys().stream().filter(k -> !CustomerData.invalid(CustomerData.number(k))).collect(Collectors.toCollection(TreeSet::new));
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void awaitCondition(Condition condition, String what) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.holds()) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("timed out waiting until " + what);
    }
}
