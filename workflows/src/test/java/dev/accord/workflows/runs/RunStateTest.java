package dev.accord.workflows.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RunStateTest {

    /** What clients (the CLI, scripts on -o json, dashboards on AccordState) read: changing a label breaks them. */
    @Test
    void theLabelsAreTheSpellingsClientsHaveAlwaysRead() {
        assertThat(Arrays.stream(RunState.values()).map(RunState::label)).containsExactly("starting", "planning", "running", "waiting",
                "holding", "paused", "cancelling", "rolling-back", "replaying", "escalated", "decided", "finished", "cancelled", "failed",
                "rolled-back", "rolled-back-with-conflicts", "canary-failed");
    }

    @Test
    void aLabelNamesItsState() {
        for (RunState state : RunState.values()) {
            assertThat(RunState.of(state.label())).isEqualTo(state);
        }
        assertThatThrownBy(() -> RunState.of("ROLLING_BACK")).hasMessageContaining("no run state 'ROLLING_BACK'");
    }
}
