package dev.accord.activities;

import dev.accord.activities.hub.FreshnessMeter;
import dev.accord.activities.hub.Hub;
import dev.accord.activities.hub.ReadBack;
import dev.accord.activities.hub.ReviewDesk;
import dev.accord.activities.hub.RollbackScopes;
import dev.accord.activities.hub.RunBook;
import dev.accord.activities.hub.RunReverter;
import dev.accord.activities.hub.SyncContext;
import dev.accord.activities.hub.TargetApplier;
import java.util.List;

/** Every activity implementation of Accord, built over one {@link SyncContext}, ready to register with a worker. */
public final class AccordActivities {

    private AccordActivities() {}

    public static List<Object> all(SyncContext context) {
        Hub hub = new Hub(context);
        TargetApplier applier = new TargetApplier(context, hub);
        return List.of(
                new ExtractActivitiesImpl(context),
                new ValidateActivitiesImpl(context),
                new ResolveActivitiesImpl(hub),
                new ApplyActivitiesImpl(applier),
                new RunActivitiesImpl(new RunBook(context)),
                new RollbackActivitiesImpl(new RunReverter(context), new RollbackScopes(context)),
                new BackfillActivitiesImpl(context, hub, applier),
                new VerifyActivitiesImpl(new ReadBack(context)),
                new ReviewActivitiesImpl(new ReviewDesk(context)),
                new FreshnessActivitiesImpl(new FreshnessMeter(context)));
    }
}
