package dev.accord.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine's CPU time so far, from the first line of {@code /proc/stat} (all cores, in clock ticks):
 * busy is everything but idle and I/O wait. Two readings give how busy the machine was in between,
 * whoever used it (the workers, the Temporal server, PostgreSQL, the harness, anything else).
 */
record CpuTimes(long busy, long total) {

    private static final Path STAT = Path.of("/proc/stat");

    /** Parses {@code cpu  user nice system idle iowait irq softirq steal …}. */
    static CpuTimes parse(String line) {
        String[] fields = line.trim().split("\\s+");
        if (!"cpu".equals(fields[0]) || fields.length < 9) {
            throw new IllegalArgumentException("not the all-cores line of /proc/stat: " + line);
        }
        long total = 0;
        for (int i = 1; i <= 8; i++) {
            total += Long.parseLong(fields[i]);
        }
        long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
        return new CpuTimes(total - idle, total);
    }

    /** Now, or null where there is no {@code /proc/stat}. */
    static CpuTimes now() {
        try {
            return parse(Files.readAllLines(STAT).get(0));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The share of all cores' time that was busy since {@code earlier}, 0 to 1; NaN without readings. */
    double busyShareSince(CpuTimes earlier) {
        if (earlier == null || total <= earlier.total) {
            return Double.NaN;
        }
        return (double) (busy - earlier.busy) / (total - earlier.total);
    }
}
