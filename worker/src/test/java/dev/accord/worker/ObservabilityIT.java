package dev.accord.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.accord.worker.observability.FreshnessSchedules;
import dev.accord.worker.observability.StoreGauges;
import dev.accord.workflows.TaskQueues;
import dev.accord.workflows.freshness.FreshnessInput;
import dev.accord.workflows.freshness.FreshnessResult;
import dev.accord.workflows.freshness.FreshnessWorkflow;
import dev.accord.workflows.sync.SyncInput;
import dev.accord.workflows.sync.SyncResult;
import dev.accord.workflows.sync.SyncWorkflow;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The worker in its zero-setup mode over the demo contract's three H2 systems, observed from outside: after
 * demo syncs, its Prometheus endpoint has every metric of docs/operations.md with the values the runs imply;
 * the field history carries the trace ids; a freshness check finds an injected breach, raises the breach
 * metric and catches up; and on this test server the checks fall back to cron workflows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ObservabilityIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Duration SLA = Duration.ofSeconds(2);

    private final String id = "obs_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final CustomerData data = new CustomerData(200);
    private final String storeUrl = "jdbc:h2:mem:" + id + "_store;DB_CLOSE_DELAY=-1";
    private CustomerSystems systems;
    private ConfigurableApplicationContext worker;
    private WorkflowClient client;
    private int httpPort;
    private SyncResult crm;

    @BeforeAll
    void startWorker() throws IOException {
        systems = CustomerSystems.inH2(id);
        data.seed(systems);
        List<String> arguments = new ArrayList<>(List.of(
                "--accord.contract=" + contractWithShortSla(),
                "--accord.temporal.address=",
                "--accord.temporal.embedded-port=" + freePort(),
                "--accord.deployment-id=" + id,
                "--accord.observability.temporal-report-interval=200ms",
                "--accord.observability.store-refresh=1h",
                "--accord.observability.quality-refresh=1h",
                "--server.port=0",
                "--spring.datasource.url=" + storeUrl));
        systems.environment().forEach((name, value) -> arguments.add("--" + name + "=" + value));
        worker = new SpringApplicationBuilder(AccordWorkerApplication.class).run(arguments.toArray(String[]::new));
        httpPort = ((WebServerApplicationContext) worker).getWebServer().getPort();
        client = worker.getBean(WorkflowClient.class);
    }

    @AfterAll
    void stopWorker() {
        try {
            if (worker != null) {
                worker.close();
            }
        } finally {
            if (systems != null) {
                systems.close();
            }
            Db.h2(storeUrl).execute("shutdown");
        }
    }

    @Test
    @Order(1)
    void afterDemoSyncsEveryMetricIsThereWithTheValuesTheRunsImply() throws Exception {
        crm = sync("crm-customers", null);
        SyncResult billing = sync("billing-customers", null);
        SyncResult replay = sync("crm-customers", "beginning");
        refreshGauges();

        Scrape scrape = Scrape.of(httpPort);
        Files.writeString(Path.of("target", "observability-scrape.txt"), scrape.text);

        for (SyncResult run : List.of(crm, billing)) {
            run.counts().forEach((decision, count) -> {
                if (!decision.contains(":")) {
                    long expected = count + (run == crm ? replay.counts().getOrDefault(decision, 0L) : 0);
                    assertThat(scrape.value("accord_records_total", "flow", run.flow(), "decision", decision))
                            .as("accord_records_total of %s, %s in %s", run.flow(), decision, scrape.find("accord_records_total"))
                            .isEqualTo(expected);
                }
            });
        }
        assertThat(scrape.value("accord_records_total", "flow", "crm-customers", "decision", "duplicate"))
                .as("the replay's duplicates: the dedup rate's numerator").isEqualTo(replay.counts().get("duplicate").doubleValue()).isPositive();
        assertThat(scrape.find("accord_records_total", "flow", "crm-customers")).allSatisfy(s ->
                assertThat(s.labels()).containsEntry("system", "crm").containsEntry("domain", "customer"));
        assertThat(scrape.samples).as("every sample names this deployment and this worker process").allSatisfy(s ->
                assertThat(s.labels()).containsEntry("deployment", id).containsEntry("worker", id + "-" + ProcessHandle.current().pid()));
        assertThat(scrape.value("accord_schema_violations_total", "flow", "crm-customers"))
                .isGreaterThanOrEqualTo(crm.counts().get("quarantined"));
        assertThat(scrape.value("accord_deliveries_total", "flow", "crm-customers", "system", "billing", "outcome", "written"))
                .isEqualTo(crm.counts().get("billing:written").doubleValue());
        assertThat(scrape.value("accord_activity_seconds_count", "activity", "Extract", "flow", "crm-customers", "outcome", "success"))
                .isGreaterThanOrEqualTo(2);
        assertThat(scrape.value("accord_activity_seconds_count", "flow", "crm-customers", "outcome", "failure")).isNaN();
        assertThat(scrape.value("accord_connector_seconds_count", "system", "crm", "operation", "read-changes")).isGreaterThanOrEqualTo(2);
        assertThat(scrape.value("accord_quarantine_records", "flow", "crm-customers")).isEqualTo(
                Db.h2(storeUrl).count("select count(*) from quarantine where flow = 'crm-customers'"));
        assertThat(scrape.value("accord_quarantine_open", "flow", "crm-customers")).isEqualTo(
                Db.h2(storeUrl).count("select count(*) from quarantine where flow = 'crm-customers' and state = 'open'")).isPositive();
        assertThat(scrape.value("accord_review_backlog", "flow", "crm-customers", "domain", "customer")).isZero();
        assertThat(scrape.value("accord_killswitch_engaged")).isZero();
        assertThat(scrape.value("accord_freshness_sla_seconds", "flow", "crm-customers")).isEqualTo(SLA.toSeconds());
        assertThat(scrape.value("accord_freshness_sla_seconds", "flow", "billing-customers")).isEqualTo(900);
        assertThat(scrape.value("accord_freshness_breached", "flow", "crm-customers")).isZero();
        assertThat(scrape.value("accord_lag_seconds", "flow", "crm-customers")).as("caught up").isZero();
        Instant newest = ((java.time.OffsetDateTime) Db.h2(storeUrl).rows(
                "select max(source_time) as newest from field_history where flow = 'crm-customers'").get(0).get("newest")).toInstant();
        assertThat(scrape.value("accord_freshness_seconds", "flow", "crm-customers", "system", "crm", "domain", "customer"))
                .isCloseTo(Duration.between(newest, Instant.now()).toSeconds(), within(60.0));
        assertThat(scrape.value("accord_quality_records", "domain", "customer")).isEqualTo(
                Db.h2(storeUrl).count("select count(*) from golden_record where domain_name = 'customer' and deleted = false"));
        assertThat(scrape.value("accord_quality_completeness_ratio", "domain", "customer")).isBetween(0.9, 1.0);
        assertThat(scrape.value("accord_quality_field_completeness_ratio", "domain", "customer", "field", "email")).isBetween(0.9, 1.0);
        assertThat(scrape.value("accord_quality_uniqueness_ratio", "domain", "customer")).isEqualTo(1.0);
        assertThat(scrape.value("accord_quality_integrity_ratio", "domain", "customer")).isEqualTo(1.0);
        assertThat(scrape.value("resilience4j_circuitbreaker_state", "name", "crm", "state", "closed")).isEqualTo(1.0);
        assertThat(scrape.samples).anySatisfy(s -> assertThat(s.name()).startsWith("temporal_workflow_completed"));
        assertThat(scrape.samples).anySatisfy(s -> assertThat(s.name()).startsWith("temporal_activity_execution_latency"));
    }

    @Test
    @Order(2)
    void theFieldHistoryCarriesTheTraceOfThePageThatDecidedIt() {
        List<Map<String, Object>> traces = Db.h2(storeUrl).rows(
                "select distinct trace_id from field_history where run_id = ? and page_no = 1", crm.runId());

        assertThat(traces).singleElement().satisfies(row ->
                assertThat((String) row.get("trace_id")).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32)));
    }

    @Test
    @Order(3)
    void aFreshnessCheckFindsAnInjectedBreachRaisesTheMetricAndCatchesUp() throws Exception {
        Thread.sleep(SLA.multipliedBy(2).toMillis());
        LocalDateTime crmNow = LocalDateTime.now(ZoneId.of("Europe/Berlin"));
        systems.crm().execute("update crm_customers set full_name = 'Ada Renamed', updated_at = timestamp '"
                + crmNow.toString().replace('T', ' ') + "', row_version = row_version + 1 where id = '" + CustomerData.key(1) + "'");

        FreshnessResult result = client.newWorkflowStub(FreshnessWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId("freshness/crm-customers/now").setTaskQueue(TaskQueues.ACCORD).build())
                .run(new FreshnessInput("crm-customers"));
        assertThat(result.report().breached()).as("%s", result.report()).isTrue();
        refreshGauges();
        Scrape breached = Scrape.of(httpPort);
        SyncResult catchUp = WorkflowStub.fromTyped(client.newWorkflowStub(SyncWorkflow.class, result.catchUp().workflowId()))
                .getResult(TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS, SyncResult.class);

        assertThat(result.report().behind()).isTrue();
        assertThat(result.report().breached()).isTrue();
        assertThat(result.report().lagSeconds()).isPositive();
        assertThat(result.catchUp().workflowId()).isEqualTo("sync/crm-customers");
        assertThat(breached.value("accord_freshness_breached", "flow", "crm-customers")).isEqualTo(1.0);
        assertThat(breached.value("accord_freshness_checks_total", "flow", "crm-customers", "result", "breached")).isEqualTo(1.0);
        assertThat(breached.value("accord_lag_seconds", "flow", "crm-customers")).isPositive();
        assertThat(catchUp.counts()).containsEntry("applied", 1L);
        assertThat(systems.billingRows()).isNotEmpty();
        assertThat(Db.h2(storeUrl).rows("select catch_up_workflow_id from freshness_check where id = ?", result.report().checkId()))
                .singleElement().satisfies(r -> assertThat(r).containsEntry("catch_up_workflow_id", "sync/crm-customers"));
    }

    @Test
    @Order(4)
    void onTheTestServerTheChecksRunAsCronWorkflows() {
        FreshnessSchedules.Kind kind = worker.getBean(FreshnessSchedules.class).install();

        WorkflowExecutionInfo check = client.getWorkflowServiceStubs().blockingStub().describeWorkflowExecution(
                DescribeWorkflowExecutionRequest.newBuilder().setNamespace("default")
                        .setExecution(io.temporal.api.common.v1.WorkflowExecution.newBuilder().setWorkflowId("freshness/crm-customers"))
                        .build()).getWorkflowExecutionInfo();
        assertThat(kind).isEqualTo(FreshnessSchedules.Kind.CRON);
        assertThat(check.getStatus()).isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
        assertThat(worker.getBean(FreshnessSchedules.class).install()).as("installing twice").isEqualTo(FreshnessSchedules.Kind.CRON);
    }

    private SyncResult sync(String flow, String from) {
        return client.newWorkflowStub(SyncWorkflow.class, WorkflowOptions.newBuilder()
                        .setWorkflowId(TaskQueues.syncWorkflowId(flow)).setTaskQueue(TaskQueues.ACCORD).build())
                .run(SyncInput.of(flow).withMode("one-shot").withReplayFrom(from));
    }

    /** The gauges refresh on a schedule (an hour here); a test refreshes them when it needs them, and waits out the SDK's report. */
    private void refreshGauges() throws InterruptedException {
        StoreGauges gauges = worker.getBean(StoreGauges.class);
        gauges.refresh();
        gauges.refreshQuality();
        Thread.sleep(500);
    }

    /** The demo contract over H2 systems, with a 2 s freshness SLA for the CRM flow so that a test can let it lapse. */
    private static Path contractWithShortSla() throws IOException {
        Path folder = Files.createTempDirectory("accord-observability");
        Files.createDirectories(folder.resolve("demo"));
        Files.createDirectories(folder.resolve("schemas"));
        Files.copy(SyncHarness.examples().resolve("schemas/customer.schema.json"), folder.resolve("schemas/customer.schema.json"));
        Path h2 = SyncHarness.examples().resolve("demo/demo-h2.contract.yaml");
        String text = Files.readString(Files.exists(h2) ? h2 : SyncHarness.examples().resolve("demo/demo.contract.yaml"));
        Path contract = folder.resolve("demo/demo-h2.contract.yaml");
        Files.writeString(contract, text.replaceFirst("freshness-sla: 5m", "freshness-sla: " + SLA.toSeconds() + "s"));
        return contract;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
