package dev.accord.activities;

import dev.accord.engine.Engine;
import dev.accord.engine.Hub;
import dev.accord.engine.PageFlow;
import dev.accord.engine.TargetApplier;
import java.util.List;

/** Every activity implementation of Accord, built over the services of one {@link Engine}, ready to register with a worker. */
public final class AccordActivities {

    private AccordActivities() {}

    public static List<Object> all(Engine engine) {
        return all(engine, Limits.DEFAULTS);
    }

    public static List<Object> all(Engine engine, Limits limits) {
        Hub hub = engine.hub();
        TargetApplier applier = engine.applier(hub);
        PageFlow pages = engine.pageFlow(hub, applier);
        return List.of(
                new ExtractActivitiesImpl(engine.compiled(), engine.connectors(), engine.telemetry(), limits),
                new ValidateActivitiesImpl(engine.boundary(), limits),
                new ResolveActivitiesImpl(hub, limits),
                new ApplyActivitiesImpl(applier, limits),
                new RunActivitiesImpl(engine.runBook()),
                new RollbackActivitiesImpl(engine.reverter(), engine.rollbackScopes()),
                new PageActivitiesImpl(pages, limits),
                new BackfillActivitiesImpl(engine.compiled(), engine.store(), engine.connectors(), engine.telemetry(), pages, limits),
                new VerifyActivitiesImpl(engine.readBack()),
                new ReviewActivitiesImpl(engine.reviewDesk()),
                new FreshnessActivitiesImpl(engine.freshnessMeter()),
                new QuarantineActivitiesImpl(engine.compiled(), engine.store(), engine.connectors(), pages, applier));
    }
}
