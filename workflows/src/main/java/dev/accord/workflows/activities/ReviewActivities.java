package dev.accord.workflows.activities;

import dev.accord.core.review.ReviewDecision;
import dev.accord.core.review.ReviewOutcome;
import io.temporal.activity.ActivityInterface;

/** Applies review decisions in the hub (idempotently: a decided review is never decided again) and escalates. */
@ActivityInterface
public interface ReviewActivities {

    ReviewOutcome decide(ReviewDecision decision);

    /** The deadline passed with no decision: log and count it, so somebody notices. */
    void escalate(String reviewId);
}
