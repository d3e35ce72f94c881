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

    /** The cursor {@code replayFrom} names; null when the run continues from the checkpoint. */
    public dev.accord.core.page.Cursor replayCursor() {
        if (replayFrom == null || replayFrom.isBlank()) {
            return null;
        }
        if ("beginning".equals(replayFrom)) {
            return dev.accord.core.page.Cursor.BEGINNING;
        }
        int bar = replayFrom.indexOf('|');
        return bar < 0 ? new dev.accord.core.page.Cursor(replayFrom, null)
                : new dev.accord.core.page.Cursor(replayFrom.substring(0, bar), replayFrom.substring(bar + 1));
    }

    /** A sync of {@code flow} with the contract's settings; the {@code with…} methods change one option each. */
    public static SyncInput of(String flow) {
        return new SyncInput(flow, null, null, null, null, null, null, null);
    }

    public SyncInput withMode(String mode) {
        return new SyncInput(flow, mode, dryRun, batchSize, maxPages, carried, canary, replayFrom);
    }

    public SyncInput withDryRun(Boolean dryRun) {
        return new SyncInput(flow, mode, dryRun, batchSize, maxPages, carried, canary, replayFrom);
    }

    public SyncInput withBatchSize(Integer batchSize) {
        return new SyncInput(flow, mode, dryRun, batchSize, maxPages, carried, canary, replayFrom);
    }

    public SyncInput withMaxPages(Integer maxPages) {
        return new SyncInput(flow, mode, dryRun, batchSize, maxPages, carried, canary, replayFrom);
    }

    public SyncInput withCanary(CanaryOptions canary) {
        return new SyncInput(flow, mode, dryRun, batchSize, maxPages, carried, canary, replayFrom);
    }

    public SyncInput withReplayFrom(String replayFrom) {
        return new SyncInput(flow, mode, dryRun, batchSize, maxPages, carried, canary, replayFrom);
    }

    /** The same sync, continued as new with what it {@code carried} so far. */
    public SyncInput carrying(Carried carried) {
        return new SyncInput(flow, mode, dryRun, batchSize, maxPages, carried, canary, replayFrom);
    }

    public boolean dryRunRequested() {
        return Boolean.TRUE.equals(dryRun);
    }

    /**
     * Totals so far, so that one run's progress and result span its continue-as-new executions, and the
     * cursor reached (a dry run does not save checkpoints, so the cursor travels with the run).
     */
    public record Carried(long pages, Map<String, Long> counts, boolean paused, dev.accord.core.page.Cursor cursor,
                          boolean canaryPassed) {

        public Carried(long pages, Map<String, Long> counts, boolean paused, dev.accord.core.page.Cursor cursor) {
            this(pages, counts, paused, cursor, false);
        }
    }
}
