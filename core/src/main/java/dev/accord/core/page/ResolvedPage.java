package dev.accord.core.page;

import dev.accord.core.review.ReviewTerms;
import java.util.List;
import java.util.Map;

/**
 * The decisions for a page, one per change, and the keys whose systems need a write.
 *
 * @param deliveries keys whose golden record changed in a way the flow's targets can see
 * @param repairs keys where the source itself holds a value it may not write or that is outdated; the
 *     golden value is written back to the source (null or empty when none)
 * @param wouldWrite in a dry run, the writes a real run would make, counted as {@code <target>:would-<operation>}
 * @param reviews field changes parked for a human, as review ids ({@code <domain>/<key>/<field>}); each gets
 *     a ReviewWorkflow {@code review/<id>} (null or empty when none)
 * @param reviewTerms the contract's deadline and default per review id; a review without terms (or a page
 *     recorded before terms existed) waits {@code ReviewInput}'s defaults
 */
public record ResolvedPage(List<RecordOutcome> records, List<String> deliveries, List<String> repairs, Map<String, Long> wouldWrite,
                           List<String> reviews, Map<String, ReviewTerms> reviewTerms) {

    public ResolvedPage(List<RecordOutcome> records, List<String> deliveries, List<String> repairs, Map<String, Long> wouldWrite,
                        List<String> reviews) {
        this(records, deliveries, repairs, wouldWrite, reviews, Map.of());
    }

    public ResolvedPage(List<RecordOutcome> records, List<String> deliveries) {
        this(records, deliveries, List.of(), Map.of(), List.of());
    }

    public ResolvedPage(List<RecordOutcome> records, List<String> deliveries, List<String> repairs, Map<String, Long> wouldWrite) {
        this(records, deliveries, repairs, wouldWrite, List.of());
    }

    public boolean parksReviews() {
        return reviews != null && !reviews.isEmpty();
    }

    /** The terms of one parked review, or null when the page carries none for it. */
    public ReviewTerms termsOf(String reviewId) {
        return reviewTerms == null ? null : reviewTerms.get(reviewId);
    }

    public boolean needsRepairs() {
        return repairs != null && !repairs.isEmpty();
    }
}
