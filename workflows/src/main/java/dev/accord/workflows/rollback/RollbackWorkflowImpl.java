package dev.accord.workflows.rollback;

import dev.accord.workflows.activities.RollbackRequest;
import dev.accord.workflows.activities.RollbackResult;
import dev.accord.workflows.activities.RollbackScope;
import dev.accord.workflows.sync.ActivityStubs;
import java.util.ArrayList;
import java.util.List;

/** Finds the runs a scope covers, then reverts them one by one, newest first. */
public class RollbackWorkflowImpl implements RollbackWorkflow {

    private final ActivityStubs activities = new ActivityStubs();
    private final List<String> done = new ArrayList<>();
    private final List<String> conflicts = new ArrayList<>();
    private long reverted;
    private long alreadyReverted;
    private String state = "planning";

    @Override
    public RollbackSummary run(RollbackInput input) {
        List<String> runs = activities.rollback.runsToRevert(new RollbackScope(input.flow(), input.runId(), input.since(),
                input.lastGoodContractVersion()));
        state = "rolling-back";
        for (String run : runs) {
            RollbackResult result = activities.rollback.revertRun(new RollbackRequest(input.flow(), run));
            reverted += result.reverted();
            alreadyReverted += result.alreadyReverted();
            conflicts.addAll(result.conflicts());
            done.add(run);
        }
        state = conflicts.isEmpty() ? "rolled-back" : "rolled-back-with-conflicts";
        return progress();
    }

    @Override
    public RollbackSummary progress() {
        return new RollbackSummary(List.copyOf(done), reverted, alreadyReverted, List.copyOf(conflicts), state);
    }
}
