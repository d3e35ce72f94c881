package dev.accord.workflows.activities;

import dev.accord.core.review.ReviewTerms;
import java.util.List;
import java.util.Map;

/**
 * What one page did: every record's decision, counts, the reviews to open, the deliveries still to make, and the
 * records not applied as-is with why (bounded, see {@link PageExceptions}). The records' full paths are in the store's
 * audit trail.
 *
 * @param records each record of the page with its decision (at the boundary or in the hub), in the page's order
 * @param counts per decision and per {@code <target>:<status>}, as a run counts them
 * @param reviews field changes parked for a human, each to get a ReviewWorkflow
 * @param reviewTerms the contract's deadline and default per review id
 * @param undelivered per system held by the kill switch or an open circuit: the keys still to deliver there
 * @param exceptions the page's records not applied as-is, with decision and reason codes
 */
public record PageResult(List<RecordDecision> records, Map<String, Long> counts, List<String> reviews, Map<String, ReviewTerms> reviewTerms,
                         Map<String, List<String>> undelivered, PageExceptions exceptions) {}
