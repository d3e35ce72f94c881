package dev.accord.workflows.activities;

import io.temporal.activity.ActivityInterface;

/** A sync's page as one step: boundary, hub, every target and the repairs, in the worker's process. */
@ActivityInterface
public interface PageActivities {

    /**
     * The page's records through boundary, hub and targets in one activity, returning counts and the records not
     * applied as-is (at most {@link PageExceptions#LIMIT} listed), the reviews to open and the deliveries held by
     * the kill switch or an open circuit. Idempotent like each step it runs: a retried page finds its decisions
     * recorded and its writes settled by compare-and-set.
     */
    PageResult processPage(PageRequest request);
}
