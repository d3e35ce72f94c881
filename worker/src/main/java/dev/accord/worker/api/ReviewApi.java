package dev.accord.worker.api;

import dev.accord.store.ReviewQueue;
import dev.accord.worker.AccordProperties;
import dev.accord.workflows.TaskQueues;
import dev.accord.workflows.WorkflowIds;
import dev.accord.workflows.codec.PayloadProtection;
import dev.accord.workflows.review.ReviewWorkflow;
import io.temporal.client.WorkflowClient;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Review decisions, for stewards of the record's domain only. */
@RestController
@RequestMapping("/api/reviews")
class ReviewApi {

    private final WorkflowClient client;
    private final String taskQueue;
    private final PayloadProtection payloads;

    ReviewApi(WorkflowClient client, AccordProperties properties, PayloadProtection payloads) {
        this.client = client;
        this.taskQueue = properties.taskQueue();
        this.payloads = payloads;
    }

    /** Body (optional): note; for edit also value (canonical JSON text). */
    record DecisionRequest(String value, String note) {}

    @PostMapping("/{domain}/{key}/{field}/{action}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, String> decide(@PathVariable String domain, @PathVariable String key, @PathVariable String field,
                               @PathVariable String action, @RequestBody(required = false) DecisionRequest request) {
        ApiCaller caller = ApiCaller.current();
        if (!caller.stewards(domain)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, caller.name() + " does not steward domain '" + domain + "'");
        }
        DecisionRequest body = request == null ? new DecisionRequest(null, null) : request;
        ReviewWorkflow review = client.newWorkflowStub(ReviewWorkflow.class,
                TaskQueues.workflowId(taskQueue, WorkflowIds.review(ReviewQueue.idOf(domain, key, field))));
        switch (action) {
            case "approve" -> review.approve(caller.name(), body.note());
            case "reject" -> review.reject(caller.name(), body.note());
            case "edit" -> {
                if (body.value() == null) {
                    throw new IllegalArgumentException("edit needs a value (canonical JSON, e.g. \"+49 40 555\")");
                }
                // A bare signal argument: the codec cannot tell it is PII, so a PII field's value travels sealed.
                review.edit(caller.name(), payloads.pii().contains(field) ? payloads.sealed(body.value()) : body.value(), body.note());
            }
            default -> throw new IllegalArgumentException("a review is approved, rejected or edited, not '" + action + "'");
        }
        return Map.of("review", domain + "/" + key + "/" + field, "action", action, "by", caller.name());
    }
}
