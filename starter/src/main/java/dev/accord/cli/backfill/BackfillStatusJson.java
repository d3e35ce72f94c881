package dev.accord.cli.backfill;

import dev.accord.workflows.backfill.BackfillProgress;
import dev.accord.workflows.backfill.ChunkState;
import java.util.List;
import java.util.Map;

/**
 * {@code accord backfill status -o json}: the backfill's {@code progress} query's answer, under names that stay when
 * the query's record changes (docs/cli.md).
 *
 * @param etaSeconds estimated seconds to finish; null while unknown
 */
record BackfillStatusJson(String workflowId, String flow, String state, int chunksTotal, int chunksDone, int chunksRunning,
                          long records, long elapsedSeconds, Long etaSeconds, Map<String, Long> counts, List<Chunk> chunks) {

    /**
     * One chunk: the keys after {@code afterKey} (exclusive; null from the first) up to {@code lastKey} (inclusive; null
     * to the end).
     */
    record Chunk(int chunk, String afterKey, String lastKey, String state, long records) {

        static Chunk of(ChunkState chunk) {
            return new Chunk(chunk.chunk(), chunk.range().afterKey(), chunk.range().lastKey(), chunk.state(), chunk.records());
        }
    }

    static BackfillStatusJson of(String workflowId, BackfillProgress p) {
        return new BackfillStatusJson(workflowId, p.flow(), p.state(), p.chunksTotal(), p.chunksDone(), p.chunksRunning(), p.records(),
                p.elapsedSeconds(), p.etaSeconds() < 0 ? null : p.etaSeconds(), p.counts(), p.chunks().stream().map(Chunk::of).toList());
    }
}
