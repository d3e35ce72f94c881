package dev.accord.workflows.codec;

import static dev.accord.workflows.codec.EncryptingPayloadCodecTest.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accord.workflows.AccordDataConverter;
import dev.accord.workflows.TaskQueues;
import dev.accord.workflows.sync.FakeFlow;
import dev.accord.workflows.sync.SyncInput;
import dev.accord.workflows.sync.SyncWorkflow;
import dev.accord.workflows.sync.SyncWorkflowImpl;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.common.converter.CodecDataConverter;
import io.temporal.common.converter.DataConverter;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A history written before field encryption — every payload encrypted whole under the old single key — replays on a
 * worker with today's converter (field mode, a new current key, the old one kept): in-flight workflows and retained
 * histories survive the upgrade. Without the old key the replay fails.
 */
class WholePayloadHistoryReplayTest {

    private final PayloadKey old = key(20);
    private final PayloadKey current = key(21);
    private final List<TestWorkflowEnvironment> replayers = new ArrayList<>();

    @AfterEach
    void close() {
        replayers.forEach(TestWorkflowEnvironment::close);
    }

    @Test
    void anOldWholePayloadHistoryReplaysWithTodaysConverterWhileItsKeyIsKept() throws Exception {
        WorkflowExecutionHistory history = oldHistory();
        assertThat(history.toJson(false)).contains("YmluYXJ5L2VuY3J5cHRlZA==");

        WorkflowReplayer.replayWorkflowExecution(history, workerWith(PayloadKeyring.of(current, old)));

        assertThatThrownBy(() -> WorkflowReplayer.replayWorkflowExecution(history, workerWith(PayloadKeyring.of(current))))
                .hasStackTraceContaining(old.id());
    }

    private WorkflowExecutionHistory oldHistory() {
        DataConverter before = new CodecDataConverter(AccordDataConverter.json(), List.of(new EncryptingPayloadCodec(PayloadKeyring.of(old))));
        TestWorkflowEnvironment environment = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
                .setWorkflowClientOptions(WorkflowClientOptions.newBuilder().setDataConverter(before).build()).build());
        try {
            FakeFlow flow = new FakeFlow();
            flow.addRecords(5);
            Worker worker = environment.newWorker(TaskQueues.ACCORD);
            worker.registerWorkflowImplementationTypes(SyncWorkflowImpl.class);
            worker.registerActivitiesImplementations(flow);
            environment.start();
            environment.getWorkflowClient().newWorkflowStub(SyncWorkflow.class, WorkflowOptions.newBuilder()
                    .setWorkflowId("sync/crm-customers").setTaskQueue(TaskQueues.ACCORD).build()).run(SyncInput.of("crm-customers"));
            return environment.getWorkflowClient().fetchHistory("sync/crm-customers");
        } finally {
            environment.close();
        }
    }

    private Worker workerWith(PayloadKeyring keys) {
        TestWorkflowEnvironment environment = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
                .setWorkflowClientOptions(WorkflowClientOptions.newBuilder()
                        .setDataConverter(AccordDataConverter.create(PayloadProtection.field(PiiNames.of("email"), keys))).build()).build());
        replayers.add(environment);
        Worker worker = environment.newWorker(TaskQueues.ACCORD);
        worker.registerWorkflowImplementationTypes(SyncWorkflowImpl.class);
        return worker;
    }
}
