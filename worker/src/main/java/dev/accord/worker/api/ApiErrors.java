package dev.accord.worker.api;

import dev.accord.core.contract.ContractException;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowNotFoundException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Errors as JSON with a message that says what to do, and the HTTP status that fits. */
@RestControllerAdvice
class ApiErrors {

    @ExceptionHandler({IllegalArgumentException.class, ContractException.class})
    ResponseEntity<Map<String, String>> badRequest(RuntimeException e) {
        return error(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(ReadApi.NotFound.class)
    ResponseEntity<Map<String, String>> notFound(ReadApi.NotFound e) {
        return error(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(WorkflowNotFoundException.class)
    ResponseEntity<Map<String, String>> noWorkflow(WorkflowNotFoundException e) {
        return error(HttpStatus.NOT_FOUND, e.getExecution().getWorkflowId() + " is not running");
    }

    @ExceptionHandler(WorkflowExecutionAlreadyStarted.class)
    ResponseEntity<Map<String, String>> running(WorkflowExecutionAlreadyStarted e) {
        return error(HttpStatus.CONFLICT, e.getExecution().getWorkflowId() + " is already running");
    }

    private static ResponseEntity<Map<String, String>> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("error", message == null ? status.getReasonPhrase() : message));
    }
}
