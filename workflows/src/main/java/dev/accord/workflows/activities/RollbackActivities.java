package dev.accord.workflows.activities;

import dev.accord.core.rollback.RollbackResult;
import dev.accord.core.rollback.RollbackScope;
import io.temporal.activity.ActivityInterface;
import java.util.List;

/**
 * Compensation: restores target rows to the before-images the change log holds for a run, newest first,
 * each with compare-and-set against the version Accord wrote; and reverts the golden records.
 */
@ActivityInterface
public interface RollbackActivities {

    RollbackResult revertRun(RollbackRequest request);

    /** The runs a scope covers, newest first; fails (not retryable) when the scope names nothing known. */
    List<String> runsToRevert(RollbackScope scope);
}
