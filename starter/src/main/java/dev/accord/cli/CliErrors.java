package dev.accord.cli;

import dev.accord.core.contract.ContractException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowNotFoundException;
import picocli.CommandLine;

/**
 * Turns failures into one clear message and exit code 1 (picocli uses 2 for bad usage): what went wrong
 * and what to do. Stack traces only with ACCORD_DEBUG=1.
 */
final class CliErrors implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        commandLine.getErr().println("accord: " + message(e));
        if ("1".equals(System.getenv("ACCORD_DEBUG"))) {
            e.printStackTrace(commandLine.getErr());
        }
        return 1;
    }

    static String message(Throwable e) {
        Throwable cause = rootOf(e);
        if (e instanceof ContractException || e instanceof TemporalUnreachableException || e instanceof UnknownFlowException) {
            return e.getMessage();
        }
        for (Throwable link = e; link != null; link = link.getCause() == link ? null : link.getCause()) {
            if (link instanceof dev.accord.workflows.codec.PayloadKeyException keys) {
                return keys.reasonCode() + ": " + keys.getMessage();
            }
        }
        if (e instanceof io.temporal.client.WorkflowFailedException failed) {
            return failed.getExecution().getWorkflowId() + " failed: " + applicationMessage(failed);
        }
        if (cause instanceof StatusRuntimeException status && status.getStatus().getCode() == Status.Code.UNAVAILABLE) {
            return "cannot reach Temporal (" + status.getStatus().getDescription() + "); start a worker with `./accord worker`"
                    + " (it starts an embedded Temporal server) or set TEMPORAL_ADDRESS / --temporal to a running server";
        }
        if (e instanceof WorkflowNotFoundException notFound) {
            return notFound.getExecution().getWorkflowId() + " is not running on this Temporal server (it has finished,"
                    + " or was never started here); see `accord runs list` for what ran";
        }
        if (e instanceof WorkflowExecutionAlreadyStarted started) {
            return started.getExecution().getWorkflowId() + " is already running; see `accord sync status`, or pause/cancel it first";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The message of the outermost application failure: what the activity said, without Temporal's wrapping. */
    private static String applicationMessage(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof io.temporal.failure.ApplicationFailure application) {
                return application.getOriginalMessage();
            }
        }
        return rootOf(e).getMessage();
    }

    private static Throwable rootOf(Throwable e) {
        Throwable current = e;
        while (current.getCause() != null && current.getCause() != current) {
            current = current.getCause();
        }
        return current;
    }
}
