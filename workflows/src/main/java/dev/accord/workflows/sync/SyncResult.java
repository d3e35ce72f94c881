package dev.accord.workflows.sync;

import java.util.Map;

/** How a sync run ended: its final state, pages and counts per decision. */
public record SyncResult(String flow, String runId, String state, long pages, Map<String, Long> counts, String checkpoint) {}
