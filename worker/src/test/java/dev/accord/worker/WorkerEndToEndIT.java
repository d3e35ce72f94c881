package dev.accord.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The real worker application in its zero-setup mode (an in-process Temporal server on a local port and
 * an embedded store) running the demo contract over three H2 systems, driven the way an operator drives
 * it from the Temporal UI or CLI: a plain client over gRPC with the default data converter starts
 * {@code SyncWorkflow} by type name with a JSON argument, reads results as JSON, queries {@code progress}
 * and sends {@code pause}, {@code resume} and {@code cancel} by name. The tests build on each other's runs,
 * in order, as an operator's session would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkerEndToEndIT {

    private static final Duration RESULT_TIMEOUT = Duration.ofSeconds(60);

    private final String id = "e2e_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final CustomerData data = new CustomerData(200);
    private EmbeddedWorker worker;
    private CustomerSystems systems;
    private WorkflowClient client;
    private String storeUrl;

    @BeforeAll
    void startWorker() throws IOException {
        worker = EmbeddedWorker.start(id, data);
        systems = worker.systems;
        client = worker.client;
        storeUrl = worker.storeUrl;
    }

    @AfterAll
    void stopWorker() {
        if (worker != null) {
            worker.close();
        }
    }

    @Test
    @Order(1)
    void aOneShotSyncStartedByTypeNameWithJsonFinishesAndItsRowsLandInTheTargets() {
        WorkflowStub run = syncStub("crm-customers");
        run.start(Map.of("flow", "crm-customers"));

        JsonNode result = result(run);

        long invalid = data.keys().stream().filter(k -> CustomerData.invalid(CustomerData.number(k))).count();
        long valid = data.customers - invalid;
        assertThat(result.path("flow").asText()).isEqualTo("crm-customers");
        assertThat(result.path("state").asText()).isEqualTo("finished");
        assertThat(result.path("pages").asLong()).isEqualTo(1);
        JsonNode counts = result.path("counts");
        assertThat(counts.path("applied").asLong()).isEqualTo(valid);
        assertThat(counts.path("quarantined").asLong()).isEqualTo(invalid);
        assertThat(counts.path("billing:written").asLong()).isPositive();
        assertThat(counts.path("support:written").asLong()).isPositive();

        Map<String, Map<String, Object>> billing = systems.billingRows();
        Map<String, Map<String, Object>> support = systems.supportRows();
        for (int i = 1; i <= data.customers; i++) {
            String key = CustomerData.key(i);
            if (!CustomerData.invalid(i)) {
                assertThat(billing.get(key)).as("billing row of %s", key).containsEntry("contact_email", CustomerData.email(i));
                assertThat(support.get(key)).as("support row of %s", key).containsEntry("email", CustomerData.email(i));
            } else if (i > data.supportCustomers()) {
                assertThat(support).as("support rows").doesNotContainKey(key);
            }
        }
        assertThat(Db.h2(storeUrl).rows("select state, deployment_id, contract_hash from sync_run where run_id = ?",
                result.path("runId").asText())).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("state", "finished").containsEntry("deployment_id", id))
                .satisfies(r -> assertThat((String) r.get("contract_hash")).startsWith("sha256:"));
    }

    @Test
    @Order(2)
    void aContinuousSyncAnswersProgressAndObeysPauseResumeAndCancelSentByName() throws InterruptedException {
        WorkflowStub run = syncStub("billing-customers");
        run.signalWithStart("pause", new Object[0], new Object[] {Map.of("flow", "billing-customers", "mode", "continuous")});
        JsonNode paused = awaitProgress(run, p -> p.path("state").asText().equals("paused"));
        int upgraded = 11;
        String key = CustomerData.key(upgraded);
        assertThat(CustomerData.plan(CustomerData.planCode(upgraded))).isNotEqualTo("enterprise");
        systems.billing().execute("update billing_accounts set plan_code = 'ENT', modified_at = timestamp '"
                + LocalDateTime.parse("2024-06-04T10:00:00").toString().replace('T', ' ') + "', version = version + 1"
                + " where customer_ref = '" + key + "'");
        Thread.sleep(1500);

        JsonNode stillPaused = run.query("progress", JsonNode.class);
        assertThat(paused.path("flow").asText()).isEqualTo("billing-customers");
        assertThat(stillPaused.path("state").asText()).isEqualTo("paused");
        assertThat(stillPaused.path("pages").asLong()).as("pages read while paused").isZero();
        assertThat(systems.crmRows().get(key)).as("the CRM while the run is paused").doesNotContainEntry("plan", "enterprise");

        run.signal("resume");
        JsonNode caughtUp = awaitProgress(run, p -> p.path("state").asText().equals("waiting"));

        assertThat(caughtUp.path("pages").asLong()).isPositive();
        assertThat(caughtUp.path("counts").path("applied").asLong()).isPositive();
        assertThat(caughtUp.path("checkpoint").asText()).isNotEqualTo("beginning");
        assertThat(systems.crmRows().get(key)).as("the CRM once resumed").containsEntry("plan", "enterprise");

        run.signal("cancel");
        JsonNode result = result(run);

        assertThat(result.path("state").asText()).isEqualTo("cancelled");
        assertThat(result.path("pages").asLong()).isEqualTo(caughtUp.path("pages").asLong());
        assertThat(Db.h2(storeUrl).rows("select state from sync_run where run_id = ?", result.path("runId").asText()))
                .extracting(r -> r.get("state")).containsExactly("cancelled");
    }

    @Test
    @Order(3)
    void supportsPhoneCorrectionsReachTheCrm() {
        WorkflowStub run = syncStub("support-customers");
        run.start(Map.of("flow", "support-customers"));

        JsonNode result = result(run);

        assertThat(result.path("state").asText()).isEqualTo("finished");
        Map<String, Map<String, Object>> crm = systems.crmRows();
        for (int i = 1; i <= data.supportCustomers(); i++) {
            if (!CustomerData.invalid(i)) {
                String phone = data.corrected(i) ? CustomerData.correctedPhone(i) : CustomerData.phone(i);
                assertThat(crm.get(CustomerData.key(i))).as("CRM row %s", CustomerData.key(i)).containsEntry("phone", phone);
            }
        }
    }

    private static JsonNode result(WorkflowStub run) {
        try {
            return run.getResult(RESULT_TIMEOUT.toSeconds(), TimeUnit.SECONDS, JsonNode.class);
        } catch (TimeoutException e) {
            throw new AssertionError("no result within " + RESULT_TIMEOUT, e);
        }
    }

    private WorkflowStub syncStub(String flow) {
        return client.newUntypedWorkflowStub("SyncWorkflow", WorkflowOptions.newBuilder()
                .setTaskQueue("accord")
                .setWorkflowId("sync/" + flow)
                .build());
    }

    private static JsonNode awaitProgress(WorkflowStub run, Predicate<JsonNode> condition) throws InterruptedException {
        long deadline = System.nanoTime() + RESULT_TIMEOUT.toNanos();
        JsonNode progress = null;
        while (System.nanoTime() < deadline) {
            progress = run.query("progress", JsonNode.class);
            if (condition.test(progress)) {
                return progress;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the run's progress never got there; last: " + progress);
    }
}
