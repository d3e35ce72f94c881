package dev.accord.worker.api;

import dev.accord.store.audit.QuarantineView;
import dev.accord.store.audit.QuarantineViews;
import dev.accord.store.AccordStore;
import dev.accord.store.QuarantineActions;
import dev.accord.store.QuarantineFilter;
import dev.accord.store.QuarantineLog;
import dev.accord.core.contract.Contract;
import dev.accord.worker.AccordProperties;
import dev.accord.workflows.TaskQueues;
import dev.accord.workflows.quarantine.QuarantineReplayInput;
import dev.accord.workflows.quarantine.QuarantineReplayWorkflow;
import dev.accord.workflows.runs.RunLabels;
import dev.accord.workflows.runs.WorkflowStarts;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.client.WorkflowClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The quarantine over HTTP: list and show for any caller (payload PII masked unless the caller stewards the
 * entry's domain), replay and discard for operators. Every call is audited ({@link AuditTrail}).
 */
@RestController
@RequestMapping("/api/quarantine")
class QuarantineApi {

    private final AccordStore store;
    private final QuarantineViews views;
    private final WorkflowClient client;
    private final String taskQueue;

    QuarantineApi(AccordStore store, Contract contract, WorkflowClient client, AccordProperties properties) {
        this.store = store;
        this.views = new QuarantineViews(contract);
        this.client = client;
        this.taskQueue = properties.taskQueue();
    }

    /** Counts by flow, reason and state, and the newest entries; {@code state} open (default), replayed, discarded or all. */
    @GetMapping
    Map<String, Object> list(@RequestParam(required = false) String flow, @RequestParam(required = false) String reason,
                             @RequestParam(defaultValue = QuarantineLog.OPEN) String state, @RequestParam(required = false) String key,
                             @RequestParam(defaultValue = "50") int limit) {
        if (!"all".equals(state) && !QuarantineLog.STATES.contains(state)) {
            throw new IllegalArgumentException("state is one of " + QuarantineLog.STATES + " or all, not '" + state + "'");
        }
        QuarantineFilter filter = new QuarantineFilter(flow, reason, "all".equals(state) ? null : state, key);
        ApiCaller caller = ApiCaller.current();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("counts", store.inTransaction(c -> store.quarantine().counts(c, filter)));
        body.put("entries", store.inTransaction(c -> store.quarantine().list(c, filter, Math.max(1, Math.min(limit, 1000)))).stream()
                .map(s -> views.view(s, caller.stewards(s.entry().domain()))).toList());
        return body;
    }

    @GetMapping("/{id}")
    QuarantineView show(@PathVariable long id) {
        QuarantineLog.Stored stored = store.inTransaction(c -> store.quarantine().find(c, id))
                .orElseThrow(() -> new ReadApi.NotFound("no quarantine entry " + id));
        return views.view(stored, ApiCaller.current().stewards(stored.entry().domain()));
    }

    /** Body: ids, or flow with optional reason and key (every open entry they select). */
    record ReplayRequest(List<Long> ids, String flow, String reason, String key) {}

    @PostMapping("/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, Object> replay(@RequestBody ReplayRequest request) {
        Map<String, List<Long>> byFlow = new LinkedHashMap<>();
        List<Long> skipped = new ArrayList<>();
        if (request.ids() != null && !request.ids().isEmpty()) {
            QuarantineActions.Named named = store.inTransaction(c -> store.quarantineActions().named(c, request.ids()));
            if (!named.unknown().isEmpty()) {
                throw new ReadApi.NotFound("no quarantine entry " + named.unknown());
            }
            named.discarded().forEach(s -> skipped.add(s.id()));
            byFlow.putAll(named.byFlow());
        } else if (request.flow() != null) {
            byFlow.put(request.flow(), List.of());
        } else {
            throw new IllegalArgumentException("name the entries to replay (ids), or select them with flow (and reason, key)");
        }
        Instant now = Instant.now();
        List<Map<String, String>> started = new ArrayList<>();
        byFlow.forEach((flow, ids) -> {
            String workflowId = TaskQueues.workflowId(taskQueue, QuarantineReplayWorkflow.workflowId(flow, now));
            QuarantineReplayInput input = new QuarantineReplayInput(flow, ids, ids.isEmpty() ? request.reason() : null,
                    ids.isEmpty() ? request.key() : null, ApiCaller.current().name(), null);
            QuarantineReplayWorkflow workflow = client.newWorkflowStub(QuarantineReplayWorkflow.class,
                    WorkflowStarts.options(taskQueue, workflowId, RunLabels.quarantineReplay(input)));
            WorkflowExecution execution = WorkflowClient.start(workflow::run, input);
            started.add(Map.of("flow", flow, "workflowId", workflowId, "runId", execution.getRunId()));
        });
        return Map.of("started", started, "skippedDiscarded", skipped);
    }

    /** Body: ids, reason (required: why the records are given up). */
    record DiscardRequest(List<Long> ids, String reason) {}

    @PostMapping("/discard")
    Map<String, Object> discard(@RequestBody DiscardRequest request) {
        if (request.ids() == null || request.ids().isEmpty() || request.reason() == null || request.reason().isBlank()) {
            throw new IllegalArgumentException("discard needs ids and a reason (why the records are given up)");
        }
        String by = ApiCaller.current().name();
        int discarded = store.inTransaction(c -> store.quarantineActions().discard(c, request.ids(), by, request.reason()));
        return Map.of("discarded", discarded, "by", by);
    }
}
