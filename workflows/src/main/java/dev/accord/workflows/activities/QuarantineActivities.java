package dev.accord.workflows.activities;

import io.temporal.activity.ActivityInterface;
import java.util.List;

/**
 * Quarantine replays: choosing the entries, and bringing their records through again under the current contract.
 * Both idempotent: a retried page finds its hub decisions recorded and its writes settled by compare-and-set, and
 * marking an entry again writes the same state.
 */
@ActivityInterface
public interface QuarantineActivities {

    /** Ids of the next entries to replay, in id order. */
    List<Long> entriesToReplay(ReplaySelection selection);

    /**
     * Ingress entries: each record read again from the flow's source by key (or its stored payload when the source
     * no longer has it), through boundary, hub (every key delivered) and targets. Egress entries: the golden record
     * delivered to that target again. Marks every entry replayed, or open when the record was quarantined again.
     */
    ReplayedPage replay(ReplayRequest request);
}
