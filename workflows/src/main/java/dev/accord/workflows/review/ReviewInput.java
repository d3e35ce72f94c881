package dev.accord.workflows.review;

/**
 * One parked field change waiting for a human.
 *
 * @param reviewId {@code <domain>/<key>/<field>}
 * @param deadlineSeconds how long to wait before escalating and applying {@code defaultAction}
 * @param defaultAction approve or reject
 */
public record ReviewInput(String reviewId, String flow, long deadlineSeconds, String defaultAction) {

    /** How long a parked change waits for a human before the default applies. */
    public static final java.time.Duration DEFAULT_DEADLINE = java.time.Duration.ofHours(24);
    /** Nobody decided: the proposal is rejected and the golden value stays, the safe default for a risky change. */
    public static final String DEFAULT_ACTION = "reject";

    public static ReviewInput withDefaults(String reviewId, String flow) {
        return new ReviewInput(reviewId, flow, DEFAULT_DEADLINE.toSeconds(), DEFAULT_ACTION);
    }
}
