package dev.accord.activities;

import dev.accord.activities.hub.ReviewDesk;
import dev.accord.workflows.activities.ReviewActivities;
import dev.accord.workflows.activities.ReviewDecision;
import dev.accord.workflows.activities.ReviewOutcome;

/** Review decisions as activities; deciding a closed review again changes nothing. */
public final class ReviewActivitiesImpl implements ReviewActivities {

    private final ReviewDesk desk;

    public ReviewActivitiesImpl(ReviewDesk desk) {
        this.desk = desk;
    }

    @Override
    public ReviewOutcome decide(ReviewDecision decision) {
        return Failures.translated(() -> desk.decide(decision));
    }

    @Override
    public void escalate(String reviewId) {
        desk.escalate(reviewId);
    }
}
