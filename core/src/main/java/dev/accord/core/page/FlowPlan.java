package dev.accord.core.page;

import java.util.List;

/**
 * What a sync run works with, fixed when the run starts: the flow's settings (with the run's overrides),
 * the contract it runs under and the checkpoint to continue from.
 */
public record FlowPlan(
        String flow,
        String domain,
        String source,
        List<String> targets,
        boolean continuous,
        long pollIntervalMillis,
        int batchSize,
        String contractHash,
        String contractVersion,
        int schemaVersion,
        Cursor checkpoint) {}
