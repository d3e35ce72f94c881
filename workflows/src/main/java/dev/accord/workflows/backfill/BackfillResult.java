package dev.accord.workflows.backfill;

import java.util.Map;

/** How a backfill ended. */
public record BackfillResult(String flow, String runId, String state, int chunks, long records, Map<String, Long> counts) {}
