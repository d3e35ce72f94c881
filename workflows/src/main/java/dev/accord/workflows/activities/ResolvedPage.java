package dev.accord.workflows.activities;

import java.util.List;

/**
 * The decisions for a page, one per change, and the keys whose systems need a write.
 *
 * @param deliveries keys whose golden record changed in a way the flow's targets can see
 * @param repairs keys where the source itself holds a value it may not write or that is outdated; the
 *     golden value is written back to the source (null or empty when none)
 */
public record ResolvedPage(List<RecordOutcome> records, List<String> deliveries, List<String> repairs) {

    public ResolvedPage(List<RecordOutcome> records, List<String> deliveries) {
        this(records, deliveries, List.of());
    }

    public boolean needsRepairs() {
        return repairs != null && !repairs.isEmpty();
    }
}
