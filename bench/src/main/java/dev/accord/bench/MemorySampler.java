package dev.accord.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * This process's memory while a phase runs: heap in use, sampled every 100 ms (it includes garbage the
 * collector has not reclaimed yet, so it grows with the heap it is allowed); heap still in use right after
 * each collection (what the work really keeps); and resident set size from {@code /proc/self/status}. The
 * worker runs in this process; the harness itself only waits meanwhile.
 */
final class MemorySampler implements AutoCloseable {

    /** Peaks over the sampled phase, in bytes; rss is -1 where /proc is not available. */
    record Peaks(long heapUsed, long heapAfterGc, long rss, long heapMax) {}

    private static final Path STATUS = Path.of("/proc/self/status");

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "memory-sampler");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    private final NotificationListener afterGc = this::collected;
    private volatile long heapUsed;
    private volatile long heapAfterGc;
    private volatile long rss = -1;

    MemorySampler() {
        collectors.forEach(c -> ((NotificationEmitter) c).addNotificationListener(afterGc, null, null));
        timer.scheduleAtFixedRate(this::sample, 0, 100, TimeUnit.MILLISECONDS);
    }

    private void sample() {
        heapUsed = Math.max(heapUsed, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        rss = Math.max(rss, residentBytes());
    }

    private void collected(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        long after = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream().filter(e -> heapPools.contains(e.getKey()))
                .mapToLong(e -> e.getValue().getUsed()).sum();
        heapAfterGc = Math.max(heapAfterGc, after);
    }

    Peaks peaks() {
        sample();
        return new Peaks(heapUsed, heapAfterGc, rss, Runtime.getRuntime().maxMemory());
    }

    static long residentBytes() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        for (GarbageCollectorMXBean collector : collectors) {
            try {
                ((NotificationEmitter) collector).removeNotificationListener(afterGc);
            } catch (ListenerNotFoundException e) {
                // never added: nothing to remove
            }
        }
    }
}
