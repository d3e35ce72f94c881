package dev.accord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.worker.EmbeddedTemporal;
import dev.accord.workflows.AccordDataConverter;
import dev.accord.workflows.TaskQueues;
import dev.accord.workflows.sync.SyncInput;
import dev.accord.workflows.sync.SyncProgress;
import dev.accord.workflows.sync.SyncResult;
import dev.accord.workflows.sync.SyncWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import io.temporal.workflow.Workflow;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code sync start --wait} with standard output not a terminal (as in a pipe or this test): it follows the run in
 * plain lines, without the carriage returns of the live line, and prints the result.
 */
class SyncStartWaitTest {

    @Test
    void followsTheRunInPlainLinesWhenOutputIsNotATerminal() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (EmbeddedTemporal temporal = new EmbeddedTemporal(port)) {
            WorkflowServiceStubs service = WorkflowServiceStubs.newServiceStubs(
                    WorkflowServiceStubsOptions.newBuilder().setTarget(temporal.hostAndPort()).build());
            WorkerFactory workers = WorkerFactory.newInstance(WorkflowClient.newInstance(service,
                    WorkflowClientOptions.newBuilder().setDataConverter(AccordDataConverter.create(TemporalConnection.payloadProtection())).build()));
            workers.newWorker(TaskQueues.ACCORD).registerWorkflowImplementationTypes(ShortSync.class);
            workers.start();
            try {
                Cli run = Cli.run("sync", "start", "crm-customers", "--wait", "--temporal", temporal.hostAndPort(),
                        "--contract", Path.of("..", "examples", "customers.contract.yaml").toString());

                assertThat(run.exitCode()).as(run.err()).isZero();
                assertThat(run.out()).doesNotContain("\r").startsWith("started sync/crm-customers (run ")
                        .containsPattern("(?m)^running +pages +2 +records +20 ")
                        .contains("crm-customers: finished after 2 pages");
            } finally {
                workers.shutdownNow();
                service.shutdownNow();
            }
        }
    }

    /** Stands in for a sync that takes a few seconds, two pages in. */
    public static class ShortSync implements SyncWorkflow {
        @Override
        public SyncResult run(SyncInput input) {
            Workflow.sleep(Duration.ofSeconds(3));
            return new SyncResult(input.flow(), "run-1", "finished", 2, Map.of("applied", 20L), "C000020");
        }

        @Override
        public SyncProgress progress() {
            return new SyncProgress("crm-customers", "running", 2, Map.of("applied", 20L), "C000020", "C000020", false);
        }

        @Override
        public void pause() {}

        @Override
        public void resume() {}

        @Override
        public void cancel() {}

        @Override
        public void rollback() {}

        @Override
        public void catchUp() {}
    }
}
