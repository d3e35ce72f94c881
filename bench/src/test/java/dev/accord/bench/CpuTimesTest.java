package dev.accord.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CpuTimesTest {

    @Test
    void busyIsEverythingButIdleAndIoWaitOverAllCores() {
        CpuTimes times = CpuTimes.parse("cpu  100 5 50 800 20 3 2 0 0 0");

        assertThat(times.total()).isEqualTo(980);
        assertThat(times.busy()).isEqualTo(160);
    }

    @Test
    void twoReadingsSayHowBusyTheMachineWasInBetween() {
        CpuTimes before = CpuTimes.parse("cpu  100 0 50 800 20 0 0 0 0 0");
        CpuTimes after = CpuTimes.parse("cpu  250 0 100 850 20 0 0 0 0 0");

        assertThat(after.busyShareSince(before)).isEqualTo(0.8);
        assertThat(after.busyShareSince(null)).isNaN();
        assertThat(before.busyShareSince(before)).isNaN();
    }

    @Test
    void onlyTheAllCoresLineIsRead() {
        assertThatThrownBy(() -> CpuTimes.parse("cpu0 1 2 3 4 5 6 7 8")).isInstanceOf(IllegalArgumentException.class);
    }
}
