package dev.accord.workflows.activities;

import dev.accord.core.page.RunRef;

/**
 * Open (or re-open after continue-as-new) the run record and read the flow's plan.
 *
 * @param mode one-shot or continuous; null for the contract's mode
 * @param batchSize null for the contract's batch size
 * @param kind sync or backfill (null: sync), recorded with the run
 */
public record StartRunRequest(String flow, RunRef run, String mode, Integer batchSize, boolean dryRun, String kind) {

    public StartRunRequest(String flow, RunRef run, String mode, Integer batchSize, boolean dryRun) {
        this(flow, run, mode, batchSize, dryRun, null);
    }
}
