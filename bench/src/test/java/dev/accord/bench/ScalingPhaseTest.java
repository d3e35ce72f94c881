package dev.accord.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ScalingPhaseTest {

    private static BenchCommand parsed(String... arguments) {
        BenchCommand command = new BenchCommand();
        new CommandLine(command).parseArgs(arguments);
        return command;
    }

    @Test
    void withoutWorkersTheRunIsAsBeforeAndWithThemEachCountIsMeasured() {
        assertThat(parsed("--rows", "10000").workerCounts()).isEmpty();
        assertThat(parsed("--workers", "1,2,3").workerCounts()).containsExactly(1, 2, 3);
        assertThat(parsed("--workers", "2").workerCounts()).containsExactly(2);
        assertThat(parsed().accordJar).hasToString("starter/target/accord.jar");
        assertThat(parsed().databasePrefix).isEqualTo("bench_");
    }

    @Test
    void workerCountsGoSmallestFirstFromOneToEight() {
        assertThatThrownBy(() -> parsed("--workers", "2,1").workerCounts()).isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("smallest first");
        assertThatThrownBy(() -> parsed("--workers", "1,1").workerCounts()).hasMessageContaining("each once");
        assertThatThrownBy(() -> parsed("--workers", "0").workerCounts()).hasMessageContaining("from 1 to 8, not 0");
        assertThatThrownBy(() -> parsed("--workers", "1,9").workerCounts()).hasMessageContaining("not 9");
    }

    @Test
    void casConflictsAreTheFailedAttemptsOfConcurrentUpdateExceptionOverEveryWorker() {
        String first = """
                # TYPE accord_activity_seconds summary
                accord_activity_seconds_count{activity="RunPage",error="dev.accord.store.ConcurrentUpdateException",flow="bench",outcome="failure",worker="w1-1"} 3
                accord_activity_seconds_count{activity="RunPage",error="none",flow="bench",outcome="success",worker="w1-1"} 40
                accord_activity_seconds_count{activity="RunPage",error="io.temporal.failure.TimeoutFailure",flow="bench",outcome="failure",worker="w1-1"} 1
                accord_activity_seconds_sum{activity="RunPage",error="dev.accord.store.ConcurrentUpdateException",flow="bench",outcome="failure",worker="w1-1"} 0.5
                """;
        String second = """
                accord_activity_seconds_count{activity="RunPage",error="ConcurrentUpdateException",flow="bench",outcome="failure",worker="w2-1"} 2.0
                """;

        assertThat(ScalingPhase.failedAttempts(List.of(first, second), true)).isEqualTo(5);
        assertThat(ScalingPhase.failedAttempts(List.of(first, second), false)).isEqualTo(6);
        assertThat(ScalingPhase.failedAttempts(List.of("# nothing yet\n"), true)).isZero();
        assertThat(ScalingPhase.activitiesPerWorker(List.of(first, second))).containsExactly(44L, 2L);
    }

    @Test
    void lockWaitsSayTheMostSessionsWaitingAtOnceTheMeanAndHowOftenAnyWaited() {
        Results.LockWaits waits = Results.LockWaits.of(List.of(0, 0, 0, 2, 1, 0, 0, 5));

        assertThat(waits.samples()).isEqualTo(8);
        assertThat(waits.max()).isEqualTo(5);
        assertThat(waits.mean()).isEqualTo(1.0);
        assertThat(waits.shareOfSamplesWaiting()).isEqualTo(0.375);
        assertThat(Results.LockWaits.of(List.of())).isEqualTo(new Results.LockWaits(0, 0, 0, 0));
    }
}
