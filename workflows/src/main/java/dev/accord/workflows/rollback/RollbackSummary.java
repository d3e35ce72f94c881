package dev.accord.workflows.rollback;

import java.util.List;

/**
 * What a rollback did, over every run it reverted.
 *
 * @param conflicts rows and fields someone changed after Accord wrote them: reported, never overwritten
 */
public record RollbackSummary(List<String> runs, long reverted, long alreadyReverted, List<String> conflicts, String state) {}
