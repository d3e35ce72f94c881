package dev.accord.workflows.activities;

import java.util.List;

/**
 * The decisions for a page, one per change, and the keys whose targets need a write.
 *
 * @param deliveries keys whose golden record changed in a way targets can see
 */
public record ResolvedPage(List<RecordOutcome> records, List<String> deliveries) {}
