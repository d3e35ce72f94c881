package dev.accord.workflows.activities;

import io.temporal.activity.ActivityInterface;
import java.util.List;

/** The backfill-specific steps: splitting into chunks, reading by key range, and each chunk's progress. */
@ActivityInterface
public interface BackfillActivities {

    List<KeyRange> planChunks(PlanChunksRequest request);

    ExtractedPage extractRange(ExtractRangeRequest request);

    /** The chunk's saved progress, or a fresh one when the chunk has not started. */
    ChunkProgress chunkProgress(String runId, int chunk, KeyRange range);

    void saveChunkProgress(ChunkProgress progress);
}
