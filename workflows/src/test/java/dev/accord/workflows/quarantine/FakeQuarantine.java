package dev.accord.workflows.quarantine;

import dev.accord.core.page.AppliedPage;
import dev.accord.core.page.Cursor;
import dev.accord.core.page.FlowPlan;
import dev.accord.core.page.TargetOutcome;
import dev.accord.workflows.activities.ApplyActivities;
import dev.accord.workflows.activities.ApplyRequest;
import dev.accord.workflows.activities.CheckpointRequest;
import dev.accord.workflows.activities.FinishRunRequest;
import dev.accord.workflows.activities.QuarantineActivities;
import dev.accord.workflows.activities.ReplayRequest;
import dev.accord.workflows.activities.ReplaySelection;
import dev.accord.workflows.activities.ReplayedPage;
import dev.accord.workflows.activities.RunActivities;
import dev.accord.workflows.activities.StartRunRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory quarantine for tests of the replay's control flow: open entries with ids, some of which fail again,
 * a source that can be held for a number of calls, a target that can hold one delivery, and the run's bookkeeping.
 */
final class FakeQuarantine implements QuarantineActivities, RunActivities, ApplyActivities {

    final List<Long> open = new CopyOnWriteArrayList<>();
    final Set<Long> failAgain;
    final List<Long> replayed = new CopyOnWriteArrayList<>();
    final List<StartRunRequest> started = new CopyOnWriteArrayList<>();
    final List<String> finishedStates = new CopyOnWriteArrayList<>();
    final List<String> delivered = new CopyOnWriteArrayList<>();
    final AtomicInteger heldReplays = new AtomicInteger();
    final AtomicInteger heldApplies = new AtomicInteger();
    /** Keys of the first page that a held target could not take: the workflow must deliver them itself. */
    volatile boolean firstPageHeldAtBilling;

    FakeQuarantine(int entries, Set<Long> failAgain) {
        for (long id = 1; id <= entries; id++) {
            open.add(id);
        }
        this.failAgain = failAgain;
    }

    @Override
    public List<Long> entriesToReplay(ReplaySelection selection) {
        List<Long> candidates = selection.ids().isEmpty() ? open : selection.ids();
        return candidates.stream().filter(id -> id > selection.afterId()).sorted().limit(selection.limit()).toList();
    }

    @Override
    public ReplayedPage replay(ReplayRequest request) {
        if (heldReplays.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return ReplayedPage.heldSource();
        }
        List<ReplayedPage.Entry> entries = request.ids().stream().map(id -> failAgain.contains(id)
                ? new ReplayedPage.Entry(id, "open", "quarantined again: SCHEMA_CONSTRAINT at $.email")
                : new ReplayedPage.Entry(id, "replayed", "applied")).toList();
        entries.stream().filter(e -> e.state().equals("replayed")).forEach(e -> {
            replayed.add(e.id());
            open.remove(e.id());
        });
        long applied = entries.stream().filter(e -> e.state().equals("replayed")).count();
        Map<String, List<String>> undelivered = firstPageHeldAtBilling && request.page().page() == 1
                ? Map.of("billing", List.of("C" + request.ids().get(0))) : Map.of();
        return new ReplayedPage(false, entries, Map.of("applied", applied), List.of(), Map.of(), undelivered);
    }

    @Override
    public AppliedPage apply(ApplyRequest request) {
        if (heldApplies.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return new AppliedPage(request.target(), List.of(), true);
        }
        delivered.addAll(request.keys());
        return new AppliedPage(request.target(), request.keys().stream()
                .map(k -> new TargetOutcome(k, TargetOutcome.Status.WRITTEN, 1L, 2L, "update")).toList(), false);
    }

    @Override
    public FlowPlan startRun(StartRunRequest request) {
        started.add(request);
        return new FlowPlan(request.flow(), "customer", "crm", List.of("billing", "support"), false, 1000, 500, "sha256:x", "3", 3,
                Cursor.BEGINNING);
    }

    @Override
    public void checkpoint(CheckpointRequest request) {
        throw new AssertionError("a replay never moves the flow's checkpoint");
    }

    @Override
    public void finishRun(FinishRunRequest request) {
        finishedStates.add(request.state());
    }
}
