package dev.accord.workflows.quarantine;

import dev.accord.workflows.WorkflowIds;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Brings quarantined records of one flow through again, after their source or the contract was fixed: each
 * record read from the flow's source by key (or its stored payload when the source no longer has it) goes
 * through the boundary, the hub and the targets like a backfill page; a record quarantined at egress is
 * delivered to that target again. Entries become {@code replayed}, or stay (go back to) {@code open} when
 * the record is quarantined again. Runs under a run record of kind {@code replay}, so
 * {@code accord rollback run <run>} undoes it. Id: {@code quarantine-replay/<flow>/<yyyyMMddTHHmmss>}.
 */
@WorkflowInterface
public interface QuarantineReplayWorkflow {

    DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

    @WorkflowMethod(name = "QuarantineReplayWorkflow")
    QuarantineReplayResult run(QuarantineReplayInput input);

    @QueryMethod
    QuarantineReplayResult progress();

    /** The id of a replay of {@code flow} started at {@code now}. */
    static String workflowId(String flow, Instant now) {
        return WorkflowIds.quarantineReplay(flow, now);
    }
}
