package dev.accord.workflows.sync;

import java.util.Map;

/**
 * How to run a flow's sync. Only {@code flow} is required, so a run can be started from the Temporal
 * UI or CLI with {@code {"flow":"crm-customers"}}.
 *
 * @param mode {@code one-shot} or {@code continuous}; null for the contract's mode
 * @param dryRun compute every decision and write nothing to targets
 * @param batchSize records per page; null for the contract's batch size
 * @param maxPages stop after this many pages; null for no limit
 * @param carried progress carried over by continue-as-new; null on a fresh start
 * @param canary deliver to a canary first and verify it; null for none
 * @param replayFrom read from here instead of the flow's checkpoint: {@code beginning}, or a cursor
 *     position (optionally {@code position|key}); changes seen before come back as duplicates
 */
public record SyncInput(String flow, String mode, Boolean dryRun, Integer batchSize, Integer maxPages, Carried carried,
                        CanaryOptions canary, String replayFrom) {

    public SyncInput(String flow, String mode, Boolean dryRun, Integer batchSize, Integer maxPages, Carried carried) {
        this(flow, mode, dryRun, batchSize, maxPages, carried, null, null);
    }

    public SyncInput(String flow, String mode, Boolean dryRun, Integer batchSize, Integer maxPages, Carried carried,
                     CanaryOptions canary) {
        this(flow, mode, dryRun, batchSize, maxPages, carried, canary, null);
    }

    /** The cursor {@code replayFrom} names; null when the run continues from the checkpoint. */
    public dev.accord.workflows.activities.Cursor replayCursor() {
        if (replayFrom == null || replayFrom.isBlank()) {
            return null;
        }
        if ("beginning".equals(replayFrom)) {
            return dev.accord.workflows.activities.Cursor.BEGINNING;
        }
        int bar = replayFrom.indexOf('|');
        return bar < 0 ? new dev.accord.workflows.activities.Cursor(replayFrom, null)
                : new dev.accord.workflows.activities.Cursor(replayFrom.substring(0, bar), replayFrom.substring(bar + 1));
    }

    public static SyncInput of(String flow) {
        return new SyncInput(flow, null, null, null, null, null);
    }

    public boolean dryRunRequested() {
        return Boolean.TRUE.equals(dryRun);
    }

    /**
     * Totals so far, so that one run's progress and result span its continue-as-new executions, and the
     * cursor reached (a dry run does not save checkpoints, so the cursor travels with the run).
     */
    public record Carried(long pages, Map<String, Long> counts, boolean paused, dev.accord.workflows.activities.Cursor cursor,
                          boolean canaryPassed) {

        public Carried(long pages, Map<String, Long> counts, boolean paused, dev.accord.workflows.activities.Cursor cursor) {
            this(pages, counts, paused, cursor, false);
        }
    }
}
