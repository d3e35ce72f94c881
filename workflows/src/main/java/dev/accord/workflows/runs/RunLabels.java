package dev.accord.workflows.runs;

import dev.accord.workflows.backfill.BackfillInput;
import dev.accord.workflows.backfill.ChunkInput;
import dev.accord.workflows.freshness.FreshnessInput;
import dev.accord.workflows.quarantine.QuarantineReplayInput;
import dev.accord.workflows.review.ReviewInput;
import dev.accord.workflows.rollback.RollbackInput;
import dev.accord.workflows.sync.SyncInput;

/**
 * What a run is labelled with when it starts, for people looking for it: its kind, flow and dry-run flag
 * (search attributes), a one-line summary (the UI's static summary) and its options (the memo).
 *
 * @param options the run's input as started; kept in the memo under {@code options}
 */
public record RunLabels(RunKind kind, String flow, boolean dryRun, String summary, Object options) {

    public static RunLabels sync(SyncInput input) {
        return new RunLabels(RunKind.SYNC, input.flow(), input.dryRunRequested(),
                "sync " + input.flow() + (input.mode() == null ? "" : " (" + input.mode() + ")") + dryRunNote(input.dryRunRequested()), input);
    }

    public static RunLabels backfill(BackfillInput input) {
        return new RunLabels(RunKind.BACKFILL, input.flow(), input.dryRunRequested(), "backfill " + input.flow() + " keys "
                + range(input.afterKey(), input.lastKey()) + dryRunNote(input.dryRunRequested()), input);
    }

    public static RunLabels chunk(ChunkInput input) {
        return new RunLabels(RunKind.CHUNK, input.flow(), input.dryRun(), "chunk " + input.chunk() + " of " + input.run().workflowId()
                + ": keys " + range(input.range().afterKey(), input.range().lastKey()), input);
    }

    public static RunLabels rollback(RollbackInput input) {
        String scope = input.runId() != null ? "run " + input.runId()
                : input.since() != null ? "since " + input.since() : "back to contract " + input.lastGoodContractVersion();
        return new RunLabels(RunKind.ROLLBACK, input.flow(), false, "rollback " + (input.flow() == null ? "" : input.flow() + " ") + scope,
                input);
    }

    public static RunLabels review(ReviewInput input) {
        String fallback = input.defaultAction() == null ? "" : " (" + input.defaultAction() + " after " + input.deadlineSeconds() + " s)";
        return new RunLabels(RunKind.REVIEW, input.flow(), false, "review " + input.reviewId() + fallback, input);
    }

    public static RunLabels freshness(FreshnessInput input) {
        return new RunLabels(RunKind.FRESHNESS, input.flow(), false, "freshness check of " + input.flow(), input);
    }

    public static RunLabels quarantineReplay(QuarantineReplayInput input) {
        String selection = input.ids() != null && !input.ids().isEmpty() ? input.ids().size() + " entries"
                : "entries" + (input.reason() == null ? "" : " with " + input.reason()) + (input.key() == null ? "" : " of key " + input.key());
        return new RunLabels(RunKind.QUARANTINE_REPLAY, input.flow(), false, "replay quarantined " + selection + " of " + input.flow(), input);
    }

    private static String dryRunNote(boolean dryRun) {
        return dryRun ? ", dry run" : "";
    }

    private static String range(String afterKey, String lastKey) {
        return "(" + (afterKey == null ? "first" : afterKey) + " .. " + (lastKey == null ? "last" : lastKey) + "]";
    }
}
