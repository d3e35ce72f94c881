package dev.accord.core.review;

import java.util.List;

/**
 * What a decision did.
 *
 * @param status approved, rejected, edited, or superseded (the field changed while the review waited; nothing applied)
 * @param deliverTo systems that now need the record delivered
 */
public record ReviewOutcome(String reviewId, String status, String flow, String key, List<String> deliverTo) {}
