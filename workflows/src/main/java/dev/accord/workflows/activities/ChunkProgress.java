package dev.accord.workflows.activities;

/**
 * How far one backfill chunk got: the last key whose page is fully applied, the pages and records done,
 * and whether the chunk is done. A restarted chunk continues after {@code lastKeyDone}; a done chunk is
 * never redone.
 */
public record ChunkProgress(String runId, int chunk, KeyRange range, String lastKeyDone, long pages, long records, boolean done) {}
