package dev.accord.activities;

import dev.accord.engine.PageFlow;
import dev.accord.workflows.activities.PageResult;
import dev.accord.workflows.activities.RecordDecision;
import dev.accord.workflows.sync.Tally;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a page that went through the {@link PageFlow} tells its workflow: counts, reviews, held deliveries, exceptions. */
final class PageResults {

    private PageResults() {}

    static PageResult of(PageFlow.Outcome outcome) {
        Tally tally = new Tally(null);
        PageExceptionList exceptions = new PageExceptionList();
        tally.decided(outcome.validated().quarantined(), outcome.resolved());
        exceptions.decided(outcome.validated().quarantined());
        exceptions.decided(outcome.resolved().records());
        Map<String, List<String>> undelivered = new LinkedHashMap<>();
        for (PageFlow.Outcome.Delivery delivery : outcome.deliveries()) {
            if (delivery.applied().held()) {
                undelivered.put(delivery.system(), delivery.keys());
                exceptions.held(delivery.system(), delivery.keys());
            } else {
                tally.target(delivery.applied());
                exceptions.delivered(delivery.applied());
            }
        }
        List<RecordDecision> records = new ArrayList<>();
        outcome.validated().quarantined().forEach(o -> records.add(new RecordDecision(o.key(), o.decision())));
        outcome.resolved().records().forEach(o -> records.add(new RecordDecision(o.key(), o.decision())));
        return new PageResult(records, tally.snapshot(), outcome.resolved().reviews() == null ? List.of() : outcome.resolved().reviews(),
                outcome.resolved().reviewTerms() == null ? Map.of() : outcome.resolved().reviewTerms(), undelivered, exceptions.snapshot());
    }
}
