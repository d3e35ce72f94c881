package dev.accord.workflows;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The one place Accord's workflow ids are made, on the default task queue; {@link TaskQueues#workflowId} prefixes them
 * with {@code <queue>/} on any other. Operators find runs by these ids in the Temporal UI and CLI, and some are
 * unique on purpose: at most one sync per flow, one review per field of a record.
 */
public final class WorkflowIds {

    /** When a backfill or a replay started, in its id: {@code 20261202T041500}. */
    public static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

    private WorkflowIds() {}

    /** {@code sync/<flow>}: a flow has at most one sync running. */
    public static String sync(String flow) {
        return "sync/" + flow;
    }

    /** {@code backfill/<flow>/<start time>}. */
    public static String backfill(String flow, Instant started) {
        return "backfill/" + flow + "/" + STAMP.format(started);
    }

    /** {@code <backfill id>/chunk-<n>}, a chunk of a backfill, started as its child. */
    public static String chunk(String backfillId, int chunk) {
        return backfillId + "/chunk-" + chunk;
    }

    /** {@code rollback/<run id>}: undoes one run. */
    public static String rollbackOfRun(String runId) {
        return "rollback/" + runId;
    }

    /** {@code rollback/<flow>/<since>}: undoes a flow's runs since a time or a contract version ({@code contract-7}). */
    public static String rollbackOfFlow(String flow, String since) {
        return "rollback/" + flow + "/" + since;
    }

    /** {@code review/<review id>}, the review id being {@code <domain>/<key>/<field>}. */
    public static String review(String reviewId) {
        return "review/" + reviewId;
    }

    /** {@code freshness/<flow>}: a flow's freshness check (its cron workflow on the Java test server, else its schedule's). */
    public static String freshness(String flow) {
        return "freshness/" + flow;
    }

    /** {@code quarantine-replay/<flow>/<start time>}. */
    public static String quarantineReplay(String flow, Instant started) {
        return "quarantine-replay/" + flow + "/" + STAMP.format(started);
    }
}
