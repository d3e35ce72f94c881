package dev.accord.workflows.quarantine;

import dev.accord.core.page.PageRef;
import dev.accord.core.page.RunRef;
import dev.accord.workflows.activities.FinishRunRequest;
import dev.accord.workflows.activities.ReplayRequest;
import dev.accord.workflows.activities.ReplaySelection;
import dev.accord.workflows.activities.ReplayedPage;
import dev.accord.workflows.activities.StartRunRequest;
import dev.accord.workflows.runs.RunAttributes;
import dev.accord.workflows.runs.RunState;
import dev.accord.workflows.runs.Timers;
import dev.accord.workflows.sync.ActivityStubs;
import dev.accord.workflows.sync.PagePipeline;
import dev.accord.workflows.sync.Tally;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInfo;
import java.time.Duration;
import java.util.List;

/**
 * Opens a run record (kind {@code replay}), then replays the selected entries a page at a time: choose the next
 * entries, replay them in one activity, open the reviews they parked and deliver what a held system could not
 * take yet (on a durable timer, like a sync). Continues as new when the history grows, after the last entry done.
 */
public class QuarantineReplayWorkflowImpl implements QuarantineReplayWorkflow {

    /** Entries per page: each page is one activity whose result lists every entry. */
    static final int PAGE = 100;
    static final Duration HOLD_RECHECK = Duration.ofSeconds(10);

    private final ActivityStubs activities = new ActivityStubs();
    private String flow;
    private String runId;
    private RunAttributes attributes;
    private RunState state = RunState.PLANNING;
    private long pages;
    private long entries;
    private Tally tally = new Tally(null);

    @Override
    public QuarantineReplayResult run(QuarantineReplayInput input) {
        attributes = RunAttributes.ofCurrentRun();
        WorkflowInfo info = Workflow.getInfo();
        RunRef run = new RunRef(info.getWorkflowId(), info.getFirstExecutionRunId(), info.getRunId());
        flow = input.flow();
        runId = run.runId();
        QuarantineReplayInput.Carried carried = input.carried();
        long afterId = carried == null ? 0 : carried.afterId();
        if (carried != null) {
            pages = carried.pages();
            entries = carried.entries();
            tally = new Tally(carried.counts());
        }
        PagePipeline pipeline = new PagePipeline(activities, tally, next -> state(next == RunState.HOLDING ? next : RunState.REPLAYING));
        try {
            attributes.contract(activities.runs.startRun(new StartRunRequest(flow, run, "one-shot", null, false, "replay")));
            state(RunState.REPLAYING);
            List<Long> ids = next(input, afterId);
            while (!ids.isEmpty()) {
                PageRef ref = new PageRef(flow, run, ++pages);
                ReplayedPage page = replay(new ReplayRequest(ref, ids, input.requestedBy()));
                count(page);
                pipeline.openReviews(flow, page.reviews(), page.reviewTerms());
                page.undelivered().forEach((system, keys) -> pipeline.deliver(List.of(system), ref, keys, false));
                afterId = ids.get(ids.size() - 1);
                ids = next(input, afterId);
                if (!ids.isEmpty() && Workflow.getInfo().isContinueAsNewSuggested()) {
                    attributes.continueAsNew(input.withCarried(new QuarantineReplayInput.Carried(afterId, pages, entries, tally.snapshot())));
                }
            }
        } catch (ActivityFailure failure) {
            finish(run, RunState.FAILED);
            throw failure;
        }
        return finish(run, RunState.FINISHED);
    }

    private List<Long> next(QuarantineReplayInput input, long afterId) {
        return activities.quarantine.entriesToReplay(new ReplaySelection(flow, input.ids() == null ? List.of() : input.ids(),
                input.reason(), input.key(), afterId, PAGE));
    }

    /** Replays a page, waiting while the flow's source is unavailable. */
    private ReplayedPage replay(ReplayRequest request) {
        while (true) {
            ReplayedPage page = activities.quarantine.replay(request);
            if (!page.held()) {
                state(RunState.REPLAYING);
                return page;
            }
            state(RunState.HOLDING);
            Timers.sleep(HOLD_RECHECK, "waiting for source of " + flow);
        }
    }

    private void count(ReplayedPage page) {
        page.counts().forEach(tally::add);
        page.entries().forEach(e -> tally.add("entries:" + e.state(), 1));
        entries += page.entries().size();
    }

    private QuarantineReplayResult finish(RunRef run, RunState closing) {
        state(closing);
        activities.runs.finishRun(new FinishRunRequest(flow, run, state.label(), pages, tally.snapshot()));
        return progress();
    }

    /** Moves the replay to {@code newState}, shown in the {@code AccordState} search attribute too. */
    private void state(RunState newState) {
        state = newState;
        attributes.state(newState.label());
    }

    @Override
    public QuarantineReplayResult progress() {
        return new QuarantineReplayResult(flow, runId, state.label(), pages, entries, tally.snapshot());
    }
}
