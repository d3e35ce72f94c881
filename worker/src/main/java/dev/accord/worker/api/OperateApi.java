package dev.accord.worker.api;

import dev.accord.store.AccordStore;
import dev.accord.store.KillSwitch;
import dev.accord.worker.AccordProperties;
import dev.accord.workflows.TaskQueues;
import dev.accord.workflows.WorkflowIds;
import dev.accord.workflows.rollback.RollbackInput;
import dev.accord.workflows.rollback.RollbackWorkflow;
import dev.accord.workflows.runs.RunLabels;
import dev.accord.workflows.runs.WorkflowStarts;
import dev.accord.workflows.sync.SyncInput;
import dev.accord.workflows.sync.SyncProgress;
import dev.accord.workflows.sync.SyncWorkflow;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.client.WorkflowClient;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** What operators do: start and steer syncs, roll back, flip the kill switch. Every call is audited. */
@RestController
@RequestMapping("/api")
class OperateApi {

    private static final Set<String> SIGNALS = Set.of("pause", "resume", "cancel", "rollback");

    private final WorkflowClient client;
    private final AccordStore store;
    private final String taskQueue;

    OperateApi(WorkflowClient client, AccordStore store, AccordProperties properties) {
        this.client = client;
        this.store = store;
        this.taskQueue = properties.taskQueue();
    }

    /** Body (all optional): mode, dryRun, batchSize, maxPages, replayFrom. */
    record SyncRequest(String mode, Boolean dryRun, Integer batchSize, Integer maxPages, String replayFrom) {}

    @PostMapping("/flows/{flow}/sync")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, String> start(@PathVariable String flow, @RequestBody(required = false) SyncRequest request) {
        SyncRequest options = request == null ? new SyncRequest(null, null, null, null, null) : request;
        SyncInput input = SyncInput.of(flow).withMode(options.mode()).withDryRun(options.dryRun()).withBatchSize(options.batchSize())
                .withMaxPages(options.maxPages()).withReplayFrom(options.replayFrom());
        SyncWorkflow workflow = client.newWorkflowStub(SyncWorkflow.class,
                WorkflowStarts.options(taskQueue, TaskQueues.syncWorkflowId(taskQueue, flow), RunLabels.sync(input)));
        WorkflowExecution execution = WorkflowClient.start(workflow::run, input);
        return Map.of("workflowId", execution.getWorkflowId(), "runId", execution.getRunId());
    }

    @GetMapping("/flows/{flow}/sync")
    SyncProgress progress(@PathVariable String flow) {
        return client.newWorkflowStub(SyncWorkflow.class, TaskQueues.syncWorkflowId(taskQueue, flow)).progress();
    }

    @PostMapping("/flows/{flow}/sync/{signal}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, String> signal(@PathVariable String flow, @PathVariable String signal) {
        if (!SIGNALS.contains(signal)) {
            throw new IllegalArgumentException("a sync takes the signals " + SIGNALS + ", not '" + signal + "'");
        }
        String workflowId = TaskQueues.syncWorkflowId(taskQueue, flow);
        client.newUntypedWorkflowStub(workflowId).signal(signal);
        return Map.of("workflowId", workflowId, "signal", signal);
    }

    /** Body: runId, or flow with since (time or run id) or lastGoodContractVersion. */
    @PostMapping("/rollbacks")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, String> rollback(@RequestBody RollbackInput input) {
        String id = TaskQueues.workflowId(taskQueue, input.runId() != null ? WorkflowIds.rollbackOfRun(input.runId())
                : WorkflowIds.rollbackOfFlow(input.flow(), input.since() != null ? input.since() : "contract-" + input.lastGoodContractVersion()));
        RollbackWorkflow workflow = client.newWorkflowStub(RollbackWorkflow.class, WorkflowStarts.options(taskQueue, id,
                RunLabels.rollback(input)));
        WorkflowExecution execution = WorkflowClient.start(workflow::run, input);
        return Map.of("workflowId", execution.getWorkflowId(), "runId", execution.getRunId());
    }

    record KillSwitchRequest(boolean engaged, String reason) {}

    @PutMapping("/killswitch")
    KillSwitch.State killSwitch(@RequestBody KillSwitchRequest request) {
        return store.inTransaction(c -> {
            store.killSwitch().set(c, request.engaged(), request.reason(), ApiCaller.current().name());
            return store.killSwitch().state(c);
        });
    }
}
