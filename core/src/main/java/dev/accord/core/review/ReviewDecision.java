package dev.accord.core.review;

/**
 * A human's (or the deadline's) decision on a parked field change.
 *
 * @param action approve (the proposal becomes golden), reject (the golden value stays and is written back to
 *     the proposing system), or edit (the given value becomes golden)
 * @param value for edit: the canonical value as JSON text
 * @param by who decided ({@code deadline} when nobody did)
 */
public record ReviewDecision(String reviewId, String action, String value, String by, String note) {}
