package dev.accord.core.rollback;

/**
 * Which runs of a flow to revert. Exactly one of:
 *
 * @param runId one run
 * @param since every run that started at or after this moment (ISO-8601) or this run (a run id)
 * @param lastGoodContractVersion every run since the last one that ran under this contract version
 */
public record RollbackScope(String flow, String runId, String since, String lastGoodContractVersion) {}
