package dev.accord.workflows.backfill;

import java.util.List;
import java.util.Map;

/**
 * The {@code progress} query's answer.
 *
 * @param state planning, running, paused, cancelling, rolling-back, finished, cancelled, rolled-back, failed
 * @param etaSeconds estimated seconds to finish, from the pace of the chunks done so far; -1 when unknown
 */
public record BackfillProgress(String flow, String state, int chunksTotal, int chunksDone, int chunksRunning, long records,
                               long elapsedSeconds, long etaSeconds, Map<String, Long> counts, List<ChunkState> chunks) {}
