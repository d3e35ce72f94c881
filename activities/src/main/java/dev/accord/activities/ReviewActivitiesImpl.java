package dev.accord.activities;

import dev.accord.core.review.ReviewDecision;
import dev.accord.core.review.ReviewOutcome;
import dev.accord.engine.ReviewDesk;
import dev.accord.workflows.WorkflowIds;
import dev.accord.workflows.activities.ReviewActivities;

/** Review decisions as activities; deciding a closed review again changes nothing. */
public final class ReviewActivitiesImpl implements ReviewActivities {

    private final ReviewDesk desk;

    public ReviewActivitiesImpl(ReviewDesk desk) {
        this.desk = desk;
    }

    @Override
    public ReviewOutcome decide(ReviewDecision decision) {
        return Failures.translated(() -> desk.decide(decision, WorkflowIds.review(decision.reviewId())));
    }

    @Override
    public void escalate(String reviewId) {
        desk.escalate(reviewId);
    }
}
