package dev.accord.workflows.activities;

import dev.accord.core.review.ReviewTerms;
import java.util.List;
import java.util.Map;

/**
 * What replaying a page of quarantine entries did.
 *
 * @param held the flow's source was unavailable (open circuit breaker, throttling): nothing was replayed; try again later
 * @param entries each entry's new state ({@code replayed}, or {@code open} when the record was quarantined again) and why
 * @param counts per record decision and per {@code <target>:<status>}, as a run counts them
 * @param reviews field changes parked for a human, each to get a ReviewWorkflow
 * @param reviewTerms the contract's deadline and default per review id
 * @param undelivered per system held by the kill switch or an open circuit: the keys still to deliver there
 */
public record ReplayedPage(boolean held, List<Entry> entries, Map<String, Long> counts, List<String> reviews,
                           Map<String, ReviewTerms> reviewTerms, Map<String, List<String>> undelivered) {

    /** One entry after the replay. */
    public record Entry(long id, String state, String outcome) {}

    public static ReplayedPage heldSource() {
        return new ReplayedPage(true, List.of(), Map.of(), List.of(), Map.of(), Map.of());
    }
}
