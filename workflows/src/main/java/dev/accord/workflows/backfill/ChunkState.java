package dev.accord.workflows.backfill;

import dev.accord.workflows.activities.KeyRange;

/** A chunk as the backfill's {@code progress} query shows it. */
public record ChunkState(int chunk, KeyRange range, String state, long records) {}
