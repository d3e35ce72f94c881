package dev.accord.core.review;

/**
 * The contract's terms for one parked field change: how long it waits for a human, and what applies then.
 *
 * @param deadlineSeconds seconds until the review escalates
 * @param defaultAction {@code approve} or {@code reject}
 */
public record ReviewTerms(long deadlineSeconds, String defaultAction) {}
