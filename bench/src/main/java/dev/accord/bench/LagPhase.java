package dev.accord.bench;

import dev.accord.bench.Results.Lag;
import dev.accord.workflows.TaskQueues;
import dev.accord.workflows.runs.RunLabels;
import dev.accord.workflows.runs.WorkflowStarts;
import dev.accord.workflows.sync.SyncInput;
import dev.accord.workflows.sync.SyncResult;
import dev.accord.workflows.sync.SyncWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Incremental lag: a continuous SyncWorkflow runs while {@link LagWriter} changes source rows at a fixed
 * rate; for each change, the time from its source commit to its first sight in the target
 * ({@link LagProbe}). It runs on the MariaDB flow right after its backfill, so the changes are updates of rows
 * the target holds; the sync reads from the moment the phase starts, as a flow caught up with its source
 * would (the backfill neither reads nor moves the flow's checkpoint).
 */
final class LagPhase {

    /** How long to wait for the last changes once the writer stops. */
    private static final long DRAIN_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final WorkflowClient client;
    private final BenchDatabases databases;

    LagPhase(WorkflowClient client, BenchDatabases databases) {
        this.client = client;
        this.databases = databases;
    }

    Lag run(int customers, int perSecond, int seconds) throws Exception {
        try (LagProbe probe = new LagProbe(databases.mariadb, BenchDatabases.ACCORD_TARGET);
             LagWriter writer = new LagWriter(databases.postgres, customers, perSecond)) {
            SyncInput input = SyncInput.of(BenchContract.FLOW).withMode("continuous").withReplayFrom(sourceNow());
            SyncWorkflow sync = client.newWorkflowStub(SyncWorkflow.class, WorkflowStarts.options(TaskQueues.ACCORD,
                    TaskQueues.syncWorkflowId(BenchContract.FLOW), RunLabels.sync(input)));
            WorkflowClient.start(sync::run, input);
            Thread.sleep(1_000);
            long started = System.nanoTime();
            writer.start();
            Thread.sleep(seconds * 1000L);
            writer.stop();
            double wroteFor = (System.nanoTime() - started) / 1e9;
            Map<String, Long> committed = writer.committed();
            drain(probe, committed.size());
            sync.cancel();
            SyncResult result = WorkflowStub.fromTyped(sync).getResult(60, TimeUnit.SECONDS, SyncResult.class);
            probe.check();
            return lag(committed, probe, perSecond, wroteFor, result);
        }
    }

    private static void drain(LagProbe probe, int expected) throws InterruptedException {
        long lastProgress = System.nanoTime();
        int seen = probe.seen();
        while (seen < expected && System.nanoTime() - lastProgress < DRAIN_NANOS) {
            Thread.sleep(100);
            int now = probe.seen();
            if (now > seen) {
                seen = now;
                lastProgress = System.nanoTime();
            }
        }
    }

    private static Lag lag(Map<String, Long> committed, LagProbe probe, int perSecond, double seconds, SyncResult result) {
        double[] millis = committed.entrySet().stream().filter(e -> probe.seenAt(e.getKey()) != null)
                .mapToDouble(e -> Math.max(0, probe.seenAt(e.getKey()) - e.getValue()) / 1e6).toArray();
        Percentiles percentiles = new Percentiles(millis);
        System.out.printf("  continuous sync %s: %s, %d pages, counts %s%n", result.runId(), result.state(), result.pages(), result.counts());
        return new Lag(perSecond, round(seconds), committed.size(), round(committed.size() / seconds), millis.length,
                committed.size() - millis.length, round(percentiles.at(50)), round(percentiles.at(95)), round(percentiles.at(99)),
                round(percentiles.max()));
    }

    /** The source's clock, as the cursor column holds it: where the sync starts reading. */
    private String sourceNow() throws SQLException {
        try (Connection connection = databases.postgres.connect();
             PreparedStatement statement = connection.prepareStatement("select clock_timestamp() at time zone 'UTC'");
             ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getObject(1, LocalDateTime.class).toString();
        }
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
