package dev.accord.activities;

import dev.accord.engine.PageFlow;
import dev.accord.workflows.activities.PageActivities;
import dev.accord.workflows.activities.PageRequest;
import dev.accord.workflows.activities.PageResult;
import io.temporal.activity.Activity;

/**
 * A sync's page through the {@link PageFlow} in one activity. After {@link Limits#poisonAfterAttempts()} failed
 * attempts the records and keys that keep failing a step alone are quarantined and the rest of the page goes on.
 */
public final class PageActivitiesImpl implements PageActivities {

    private final PageFlow flow;
    private final Limits limits;

    public PageActivitiesImpl(PageFlow flow, Limits limits) {
        this.flow = flow;
        this.limits = limits;
    }

    @Override
    public PageResult processPage(PageRequest request) {
        return Failures.translated(() -> PageResults.of(flow.run(request.page(), request.records(),
                new PageFlow.Route(request.source(), request.targets(), request.dryRun(), false),
                () -> Activity.getExecutionContext().heartbeat(request.page().page()), Attempts.isolating(limits))));
    }
}
