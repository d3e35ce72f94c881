package dev.accord.workflows.activities;

import dev.accord.core.quality.FreshnessReport;
import io.temporal.activity.ActivityInterface;

/**
 * Measures a flow against its freshness SLA and, when it is breached, gets a catch-up sync going. Both are
 * safe to retry: a measurement is a read plus one appended check row, a catch-up is a signal-with-start.
 */
@ActivityInterface
public interface FreshnessActivities {

    /** Reads the source head, the checkpoint and the newest applied change; records and reports the check. */
    FreshnessReport measure(FreshnessRequest request);

    /**
     * Signal-with-start of the flow's sync ({@code sync/<flow>}, signal {@code catchUp}): a running sync reads
     * at once instead of waiting for its poll interval; otherwise a run starts in the contract's mode.
     */
    CatchUpResult catchUp(CatchUpRequest request);
}
