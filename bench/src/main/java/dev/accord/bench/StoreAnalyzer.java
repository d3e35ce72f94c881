package dev.accord.bench;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * This machine's PostgreSQL may run without autovacuum; a production one does not. Without fresh
 * statistics the planner takes the store's freshly filled tables for tiny and scans them, so do what
 * autovacuum would: analyze the busy tables every 15 s while a run goes on. Does nothing where
 * autovacuum is on.
 */
final class StoreAnalyzer implements AutoCloseable {

    /** The store's tables that grow during a backfill and are read by key. */
    private static final List<String> BUSY_STORE_TABLES = List.of("golden_record", "applied_change", "echo_memory",
            "target_delivery", "change_log", "backfill_chunk", "field_history");
    private static final long EVERY_SECONDS = 15;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "store-analyze");
        thread.setDaemon(true);
        return thread;
    });

    StoreAnalyzer(Jdbc store) {
        if ("on".equals(store.text("show autovacuum"))) {
            return;
        }
        timer.scheduleWithFixedDelay(() -> {
            try {
                store.execute(BUSY_STORE_TABLES.stream().map(t -> "analyze " + t).toArray(String[]::new));
            } catch (RuntimeException e) {
                System.err.println("analyze of the store failed (the run goes on): " + e.getMessage());
            }
        }, EVERY_SECONDS, EVERY_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
