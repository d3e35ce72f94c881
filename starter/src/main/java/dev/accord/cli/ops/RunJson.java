package dev.accord.cli.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accord.store.DryRunDiffs;
import dev.accord.store.Runs;
import dev.accord.cli.OutputFormat;
import java.time.Instant;
import java.util.List;

/**
 * A run record as {@code accord runs list|show -o json} prints it (docs/cli.md). Times are ISO-8601 UTC; options and
 * counts are the JSON objects the worker stored, nested as they are.
 *
 * @param executionRunId Temporal's run id of the newest execution (a run continues as new across executions)
 * @param finishedAt null while the run is not over
 */
record RunJson(String runId, String workflowId, String executionRunId, String flow, String kind, String state, boolean dryRun,
               long pages, String contractVersion, String contractHash, int schemaVersion, JsonNode options, String startPosition,
               String startKey, JsonNode counts, String workerVersion, String deploymentId, String startedAt, String finishedAt) {

    static RunJson of(Runs.Run run) {
        return new RunJson(run.runId(), run.workflowId(), run.lastExecutionRunId(), run.flow(), run.kind(), run.state(), run.dryRun(),
                run.pages(), run.contractVersion(), run.contractHash(), run.schemaVersion(), OutputFormat.parse(run.optionsJson()),
                run.startPosition(), run.startKey(), OutputFormat.parse(run.countsJson()), run.workerVersion(), run.deploymentId(),
                text(run.startedAt()), text(run.finishedAt()));
    }

    static String text(Instant time) {
        return time == null ? null : time.toString();
    }

    /** {@code runs show -o json}: the run, and for a dry run samples of what it would have written (else empty). */
    record Detail(RunJson run, List<DryRunSample> dryRunSamples) {}

    /** One write a dry run planned: the target row before and after, as the JSON the worker stored. */
    record DryRunSample(long page, String target, String operation, String key, JsonNode before, JsonNode after) {

        static DryRunSample of(DryRunDiffs.Diff diff) {
            return new DryRunSample(diff.page(), diff.target(), diff.operation(), diff.key(), OutputFormat.parse(diff.beforeJson()),
                    OutputFormat.parse(diff.afterJson()));
        }
    }
}
