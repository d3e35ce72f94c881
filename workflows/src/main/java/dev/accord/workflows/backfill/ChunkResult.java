package dev.accord.workflows.backfill;

import java.util.Map;

/** What one chunk did: pages, records and counts per decision and target outcome. */
public record ChunkResult(int chunk, long pages, long records, Map<String, Long> counts, String state) {}
