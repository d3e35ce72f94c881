package dev.accord.activities;

import dev.accord.connectors.ConnectorFactory;
import dev.accord.engine.CompiledContract;
import dev.accord.engine.PageFlow;
import dev.accord.engine.TargetApplier;
import dev.accord.store.AccordStore;
import dev.accord.store.QuarantineFilter;
import dev.accord.workflows.activities.QuarantineActivities;
import dev.accord.workflows.activities.ReplayRequest;
import dev.accord.workflows.activities.ReplaySelection;
import dev.accord.workflows.activities.ReplayedPage;
import io.temporal.activity.Activity;
import java.util.List;

/** Quarantine replays as activities: choosing entries from the store, and a page of them through {@link QuarantineReplay}. */
public final class QuarantineActivitiesImpl implements QuarantineActivities {

    private final CompiledContract compiled;
    private final AccordStore store;
    private final QuarantineReplay replay;

    public QuarantineActivitiesImpl(CompiledContract compiled, AccordStore store, ConnectorFactory connectors, PageFlow pages,
                                    TargetApplier applier) {
        this.compiled = compiled;
        this.store = store;
        this.replay = new QuarantineReplay(compiled, store, connectors, pages, applier);
    }

    @Override
    public List<Long> entriesToReplay(ReplaySelection selection) {
        return Failures.translated(() -> {
            compiled.contract().flow(selection.flow());
            return store.inTransaction(c -> store.quarantineActions().replayable(c, selection.flow(),
                    selection.ids() == null ? List.of() : selection.ids(), new QuarantineFilter(null, selection.reason(), null,
                            selection.key()), selection.afterId(), selection.limit()));
        });
    }

    @Override
    public ReplayedPage replay(ReplayRequest request) {
        return Failures.translated(() -> replay.replay(request, () -> Activity.getExecutionContext().heartbeat(request.page().page())));
    }
}
