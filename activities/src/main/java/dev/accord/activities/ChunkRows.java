package dev.accord.activities;

import dev.accord.store.BackfillChunks.Chunk;
import dev.accord.workflows.activities.ChunkProgress;
import dev.accord.workflows.activities.KeyRange;

/** A backfill chunk's progress as the workflow carries it, and as the store keeps it (table backfill_chunk). */
final class ChunkRows {

    private ChunkRows() {}

    static ChunkProgress progress(Chunk row) {
        return new ChunkProgress(row.runId(), row.chunk(), new KeyRange(row.afterKey(), row.lastKey()), row.lastKeyDone(), row.pages(),
                row.records(), row.done());
    }

    static Chunk row(ChunkProgress progress) {
        return new Chunk(progress.runId(), progress.chunk(), progress.range().afterKey(), progress.range().lastKey(),
                progress.lastKeyDone(), progress.pages(), progress.records(), progress.done());
    }
}
