package dev.accord.workflows.activities;

import io.temporal.activity.ActivityInterface;
import java.util.List;

/** The backfill-specific steps: splitting into chunks, reading by key range, whole pages, and each chunk's progress. */
@ActivityInterface
public interface BackfillActivities {

    List<KeyRange> planChunks(PlanChunksRequest request);

    ExtractedPage extractRange(ExtractRangeRequest request);

    /**
     * One page of a chunk through boundary, hub and targets in one activity, returning counts and the records
     * not applied as-is (at most {@link PageExceptions#LIMIT} listed): the page's records themselves never travel
     * through the workflow's history. Idempotent like each step it runs: a retried page
     * finds its decisions recorded and its writes settled by compare-and-set.
     */
    BackfillPageResult runPage(BackfillPageRequest request);

    /** The chunk's saved progress, or a fresh one when the chunk has not started. */
    ChunkProgress chunkProgress(String runId, int chunk, KeyRange range);

    void saveChunkProgress(ChunkProgress progress);
}
