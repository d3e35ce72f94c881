package dev.accord.workflows.sync;

import java.util.Map;

/**
 * The {@code progress} query's answer.
 *
 * @param state running, paused, waiting (caught up, continuous mode), holding (kill switch on),
 *     cancelling, rolling-back, finished, cancelled, rolled-back
 * @param pages pages completed by this run
 * @param counts records per decision (applied, duplicate, stale, rejected-not-owner, quarantined,
 *     needs-review, echo) and per target outcome (written, unchanged, conflict, would-write)
 * @param checkpoint the cursor the flow would continue from
 * @param sourceHead the newest source position seen
 */
public record SyncProgress(String flow, String state, long pages, Map<String, Long> counts, String checkpoint,
                           String sourceHead, boolean dryRun) {}
