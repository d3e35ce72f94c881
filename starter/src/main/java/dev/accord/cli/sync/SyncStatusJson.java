package dev.accord.cli.sync;

import dev.accord.workflows.sync.SyncProgress;
import java.util.Map;

/**
 * {@code accord sync status -o json}: the {@code progress} query's answer, under names that stay when the query's
 * record changes (docs/cli.md).
 *
 * @param counts records per decision ({@code applied}, {@code duplicate}, …) and per target outcome
 *     ({@code <target>:written}, …); empty before the first page
 */
record SyncStatusJson(String workflowId, String flow, String state, boolean dryRun, long pages, String checkpoint,
                      String sourceHead, Map<String, Long> counts) {

    static SyncStatusJson of(String workflowId, String flow, SyncProgress progress) {
        return new SyncStatusJson(workflowId, flow, progress.state(), progress.dryRun(), progress.pages(), progress.checkpoint(),
                progress.sourceHead(), progress.counts());
    }
}
