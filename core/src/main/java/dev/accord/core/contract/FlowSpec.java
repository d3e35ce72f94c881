package dev.accord.core.contract;

import java.time.Duration;
import java.util.List;

/**
 * A sync from one source system to target systems, for one domain.
 *
 * @param pollInterval wait between polls when caught up (continuous mode)
 * @param batchSize records per page
 * @param freshnessSla how old the newest applied source change may be
 */
public record FlowSpec(
        String name,
        String domain,
        String source,
        List<String> targets,
        FlowMode mode,
        Duration pollInterval,
        int batchSize,
        Duration freshnessSla) {

    public FlowSpec {
        targets = List.copyOf(targets);
    }
}
