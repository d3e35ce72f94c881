package dev.accord.worker.observability;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** Refreshes the store's gauges on one daemon thread while the worker runs; a failed refresh is logged and retried. */
final class GaugeRefresh implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(GaugeRefresh.class);

    private final StoreGauges gauges;
    private final ObservabilityProperties properties;
    private ScheduledExecutorService executor;

    GaugeRefresh(StoreGauges gauges, ObservabilityProperties properties) {
        this.gauges = gauges;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "accord-store-gauges");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> run("store", gauges::refresh), 0, properties.storeRefresh().toMillis(), TimeUnit.MILLISECONDS);
        executor.scheduleWithFixedDelay(() -> run("data quality", gauges::refreshQuality), 0,
                properties.qualityRefresh().toMillis(), TimeUnit.MILLISECONDS);
    }

    private static void run(String what, Runnable refresh) {
        try {
            refresh.run();
        } catch (RuntimeException e) {
            LOG.warn("cannot refresh the {} metrics: {}", what, e.getMessage());
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
