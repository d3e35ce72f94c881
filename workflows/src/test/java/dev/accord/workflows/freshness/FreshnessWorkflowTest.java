package dev.accord.workflows.freshness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.workflows.TaskQueues;
import dev.accord.workflows.runs.AccordSearchAttributes;
import dev.accord.workflows.runs.RunLabels;
import dev.accord.workflows.runs.WorkflowStarts;
import dev.accord.workflows.sync.FakeFlow;
import dev.accord.workflows.sync.SyncInput;
import dev.accord.workflows.sync.SyncProgress;
import dev.accord.workflows.sync.SyncWorkflow;
import dev.accord.workflows.sync.SyncWorkflowImpl;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.SearchAttributes;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The freshness check on the time-skipping test server, scheduled as the worker schedules it there (a cron
 * workflow, since the test server has no Schedules): quiet while the flow is caught up, and on an injected
 * breach it starts the catch-up sync, or wakes the one waiting for its poll interval.
 */
class FreshnessWorkflowTest {

    private TestWorkflowEnvironment environment;
    private WorkflowClient client;
    private final FakeFlow flow = new FakeFlow();
    private final FakeFreshness freshness = new FakeFreshness(flow);

    @BeforeEach
    void start() {
        environment = TestWorkflowEnvironment.newInstance();
        AccordSearchAttributes.definitions().forEach(environment::registerSearchAttribute);
        Worker worker = environment.newWorker(TaskQueues.ACCORD);
        worker.registerWorkflowImplementationTypes(SyncWorkflowImpl.class, FreshnessWorkflowImpl.class);
        worker.registerActivitiesImplementations(flow, freshness);
        environment.start();
        client = environment.getWorkflowClient();
    }

    @AfterEach
    void stop() {
        environment.close();
    }

    @Test
    void aScheduledCheckFindsAnInjectedBreachAndStartsACatchUpSync() {
        flow.addRecords(5);
        sync().run(SyncInput.of("crm-customers"));
        WorkflowClient.start(client.newWorkflowStub(FreshnessWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId("freshness/crm-customers")
                .setTaskQueue(TaskQueues.ACCORD)
                .setCronSchedule("* * * * *")
                .build())::run, new FreshnessInput("crm-customers"));

        environment.sleep(Duration.ofMinutes(2));
        int quietChecks = freshness.reports.size();
        flow.addRecords(3);
        environment.sleep(Duration.ofMinutes(1));

        assertThat(quietChecks).isPositive();
        assertThat(freshness.reports.subList(0, quietChecks)).allSatisfy(r -> assertThat(r.breached()).isFalse());
        assertThat(freshness.reports.get(quietChecks).breached()).as("the check after the injected breach").isTrue();
        assertThat(freshness.catchUps).first().satisfies(c -> assertThat(c.workflowId()).isEqualTo("sync/crm-customers"));
        WorkflowStub.fromTyped(client.newWorkflowStub(SyncWorkflow.class, "sync/crm-customers")).getResult(Object.class);
        assertThat(flow.delivered).contains("billing:C000005", "billing:C000006", "billing:C000007");
        assertThat(flow.checkpoints).last().satisfies(c -> assertThat(c.position()).isEqualTo("8"));
    }

    @Test
    void aCheckStartedByAccordShowsWhetherItFoundABreachAndItsCatchUpSyncIsLabelledToo() {
        flow.addRecords(5);
        sync().run(SyncInput.of("crm-customers"));
        flow.addRecords(3);
        FreshnessInput input = new FreshnessInput("crm-customers");
        FreshnessWorkflow check = client.newWorkflowStub(FreshnessWorkflow.class,
                WorkflowStarts.options(TaskQueues.ACCORD, "freshness/crm-customers", RunLabels.freshness(input)));

        assertThat(check.run(input).report().breached()).isTrue();

        SearchAttributes attributes = WorkflowStub.fromTyped(check).describe().getTypedSearchAttributes();
        assertThat(attributes.get(AccordSearchAttributes.RUN_KIND)).isEqualTo("freshness");
        assertThat(attributes.get(AccordSearchAttributes.FLOW)).isEqualTo("crm-customers");
        assertThat(attributes.get(AccordSearchAttributes.STATE)).isEqualTo("breached");
        WorkflowStub catchUp = client.newUntypedWorkflowStub("sync/crm-customers");
        catchUp.getResult(Object.class);
        assertThat(catchUp.describe().getTypedSearchAttributes().get(AccordSearchAttributes.RUN_KIND)).isEqualTo("sync");
        assertThat(catchUp.describe().getTypedSearchAttributes().get(AccordSearchAttributes.STATE)).isEqualTo("finished");
    }

    @Test
    void aCatchUpWakesAContinuousSyncWaitingForItsPollInterval() {
        flow.continuous = true;
        flow.addRecords(5);
        SyncWorkflow sync = sync();
        WorkflowClient.start(sync::run, SyncInput.of("crm-customers"));
        SyncProgress waiting = awaitProgress(sync, p -> "waiting".equals(p.state()));
        int reads = flow.extractCalls.get();
        flow.addRecords(3);

        FreshnessResult result = client.newWorkflowStub(FreshnessWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId("freshness/crm-customers").setTaskQueue(TaskQueues.ACCORD).build())
                .run(new FreshnessInput("crm-customers"));
        SyncProgress caughtUp = awaitProgress(sync, p -> p.pages() > waiting.pages() && "waiting".equals(p.state()));

        assertThat(result.report().breached()).isTrue();
        assertThat(result.catchUp().runId()).isEqualTo(WorkflowStub.fromTyped(sync).getExecution().getRunId());
        assertThat(flow.extractCalls.get()).as("reads after the catch-up, with the poll timer not yet due").isGreaterThan(reads);
        assertThat(caughtUp.checkpoint()).startsWith("8 / ");
        sync.cancel();
    }

    private SyncWorkflow sync() {
        return client.newWorkflowStub(SyncWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId("sync/crm-customers").setTaskQueue(TaskQueues.ACCORD).build());
    }

    private static SyncProgress awaitProgress(SyncWorkflow sync, Predicate<SyncProgress> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        SyncProgress progress = sync.progress();
        while (!condition.test(progress) && System.nanoTime() < deadline) {
            sleep();
            progress = sync.progress();
        }
        assertThat(condition.test(progress)).as("progress %s", progress).isTrue();
        return progress;
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
