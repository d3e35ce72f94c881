package dev.accord.activities;

import io.temporal.activity.Activity;

/** Which attempt of its activity the current step is, and whether it has failed often enough to isolate poison. */
final class Attempts {

    private Attempts() {}

    /** The attempt of the running activity (1 for the first), or 1 outside an activity (a test calling it directly). */
    static int current() {
        try {
            return Activity.getExecutionContext().getInfo().getAttempt();
        } catch (IllegalStateException notInAnActivity) {
            return 1;
        }
    }

    /** True once the step has failed {@link Limits#poisonAfterAttempts()} times: this attempt isolates poison records. */
    static boolean isolating(Limits limits) {
        return current() > limits.poisonAfterAttempts();
    }
}
