package dev.accord.workflows.activities;

import dev.accord.core.page.ResolvedPage;
import dev.accord.core.review.ReviewTerms;
import java.util.List;
import java.util.Map;

/**
 * What one backfill page did: counts for speed, and the records that were not applied as-is (bounded, see
 * {@link PageExceptions}), so a chunk's history stays small whatever the page size yet names every exception.
 * The records' full paths are in the store's audit trail (quarantine, field history, change log).
 *
 * @param held the source was unavailable (open circuit breaker, throttling): nothing was read; read again later
 * @param records rows read from the source; 0 means the chunk has no more rows
 * @param lastKey the key of the page's last row (the chunk continues after it)
 * @param hasMore the page was full: more rows may follow
 * @param counts per decision and per {@code <target>:<status>}, as a run counts them
 * @param reviews field changes parked for a human, each to get a ReviewWorkflow (ids as in {@link ResolvedPage})
 * @param reviewTerms the contract's deadline and default per review id
 * @param undelivered per system held by the kill switch or an open circuit: the keys still to deliver there
 * @param progressSaved the chunk's progress after this page is saved (false when a delivery is held or in a dry run)
 * @param exceptions the page's records not applied as-is, with decision and reason codes; null in results recorded
 *     before the list existed
 */
public record BackfillPageResult(boolean held, int records, String lastKey, boolean hasMore, Map<String, Long> counts,
                                 List<String> reviews, Map<String, ReviewTerms> reviewTerms, Map<String, List<String>> undelivered,
                                 boolean progressSaved, PageExceptions exceptions) {

    public BackfillPageResult(boolean held, int records, String lastKey, boolean hasMore, Map<String, Long> counts, List<String> reviews,
                              Map<String, ReviewTerms> reviewTerms, Map<String, List<String>> undelivered, boolean progressSaved) {
        this(held, records, lastKey, hasMore, counts, reviews, reviewTerms, undelivered, progressSaved, PageExceptions.none());
    }

    /** Nothing read: the source is unavailable for now. */
    public static BackfillPageResult heldSource() {
        return new BackfillPageResult(true, 0, null, false, Map.of(), List.of(), Map.of(), Map.of(), false);
    }

    /** Nothing left to read in the chunk. */
    public static BackfillPageResult noMoreRows() {
        return new BackfillPageResult(false, 0, null, false, Map.of(), List.of(), Map.of(), Map.of(), false);
    }
}
