package dev.accord.core.quality;

import java.time.Instant;

/**
 * What one freshness check found.
 *
 * @param checkId the check's row in the store's {@code freshness_check}
 * @param slaSeconds the flow's {@code freshness-sla}; null when it has none (then nothing is breached)
 * @param freshnessSeconds age of the newest source change the flow applied; null when it applied none yet
 * @param lagSeconds source head minus checkpoint, for timestamp cursors; null otherwise
 * @param behind the source head is past the checkpoint: there are changes the flow has not read
 * @param breached behind, and the newest applied change is older than the SLA (or none was applied)
 */
public record FreshnessReport(String flow, long checkId, Long slaSeconds, Long freshnessSeconds, Long lagSeconds,
                              boolean behind, boolean breached, String checkpoint, String sourceHead,
                              Instant newestApplied, Instant checkedAt) {}
