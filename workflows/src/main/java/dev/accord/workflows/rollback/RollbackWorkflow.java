package dev.accord.workflows.rollback;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Reverts runs from the change log, newest run first and within a run newest write first, each write
 * with compare-and-set: a value someone else changed since is reported as a conflict, never overwritten.
 * Rolling back twice is a no-op.
 */
@WorkflowInterface
public interface RollbackWorkflow {

    @WorkflowMethod(name = "RollbackWorkflow")
    RollbackSummary run(RollbackInput input);

    @QueryMethod
    RollbackSummary progress();
}
