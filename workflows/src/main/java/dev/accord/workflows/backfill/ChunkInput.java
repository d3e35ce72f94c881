package dev.accord.workflows.backfill;

import dev.accord.core.page.RunRef;
import dev.accord.workflows.activities.KeyRange;

/**
 * One chunk of a backfill. The chunk writes under its parent's run, so the backfill is rolled back as a
 * whole; its pages are numbered {@code chunk × 1,000,000 + n} within that run.
 */
public record ChunkInput(String flow, RunRef run, int chunk, KeyRange range, int batchSize, String source,
                         java.util.List<String> targets, boolean dryRun) {}
