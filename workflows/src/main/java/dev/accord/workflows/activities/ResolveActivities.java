package dev.accord.workflows.activities;

import dev.accord.core.page.ResolvedPage;
import io.temporal.activity.ActivityInterface;

/**
 * Decides every change of a page against the golden records (ownership, versions, merge strategy,
 * dedup keys, echoes) and commits the golden records, field history, dedup keys and pending target
 * deliveries in one store transaction. A retry of the same page returns the decisions first recorded.
 */
@ActivityInterface
public interface ResolveActivities {

    ResolvedPage resolve(ResolveRequest request);
}
