package dev.accord.workflows.runs;

import java.util.Arrays;

/**
 * Where a run is. Workflows move between these; their progress queries, results, run records and the
 * {@code AccordState} search attribute carry the {@link #label() label}, the spelling clients have always read.
 */
public enum RunState {
    STARTING("starting"),
    PLANNING("planning"),
    RUNNING("running"),
    /** A continuous sync between polls of its source. */
    WAITING("waiting"),
    /** A system is unavailable (circuit open, kill switch): the run waits and retries. */
    HOLDING("holding"),
    PAUSED("paused"),
    CANCELLING("cancelling"),
    ROLLING_BACK("rolling-back"),
    /** A replay of quarantined records is re-running them. */
    REPLAYING("replaying"),
    /** A review waits for a steward's decision. */
    ESCALATED("escalated"),
    DECIDED("decided"),
    FINISHED("finished"),
    CANCELLED("cancelled"),
    FAILED("failed"),
    ROLLED_BACK("rolled-back"),
    ROLLED_BACK_WITH_CONFLICTS("rolled-back-with-conflicts"),
    CANARY_FAILED("canary-failed");

    private final String label;

    RunState(String label) {
        this.label = label;
    }

    /** How clients read it: {@code rolling-back}, not {@code ROLLING_BACK}. */
    public String label() {
        return label;
    }

    /** The state a label names. */
    public static RunState of(String label) {
        return Arrays.stream(values()).filter(s -> s.label.equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no run state '" + label + "'; one of " + Arrays.toString(values())));
    }

    @Override
    public String toString() {
        return label;
    }
}
