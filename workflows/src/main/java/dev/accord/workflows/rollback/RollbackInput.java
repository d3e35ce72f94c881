package dev.accord.workflows.rollback;

/**
 * What to roll back: one run, or everything a flow applied since a moment, a run, or the last run under a
 * known-good contract version. Started as {@code rollback/<run>} (or {@code rollback/<flow>/<since>}).
 */
public record RollbackInput(String flow, String runId, String since, String lastGoodContractVersion) {}
