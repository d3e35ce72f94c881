package dev.accord.workflows.rollback;

import dev.accord.core.rollback.RollbackResult;
import dev.accord.core.rollback.RollbackScope;
import dev.accord.workflows.activities.RollbackRequest;
import dev.accord.workflows.runs.RunAttributes;
import dev.accord.workflows.runs.RunState;
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
    private RunState state = RunState.PLANNING;

    @Override
    public RollbackSummary run(RollbackInput input) {
        RunAttributes attributes = RunAttributes.ofCurrentRun();
        attributes.state(state.label());
        List<String> runs = activities.rollback.runsToRevert(new RollbackScope(input.flow(), input.runId(), input.since(),
                input.lastGoodContractVersion()));
        state = RunState.ROLLING_BACK;
        attributes.state(state.label());
        for (String run : runs) {
            RollbackResult result = activities.rollback.revertRun(new RollbackRequest(input.flow(), run));
            reverted += result.reverted();
            alreadyReverted += result.alreadyReverted();
            conflicts.addAll(result.conflicts());
            done.add(run);
        }
        state = conflicts.isEmpty() ? RunState.ROLLED_BACK : RunState.ROLLED_BACK_WITH_CONFLICTS;
        attributes.state(state.label());
        return progress();
    }

    @Override
    public RollbackSummary progress() {
        return new RollbackSummary(List.copyOf(done), reverted, alreadyReverted, List.copyOf(conflicts), state.label());
    }
}
