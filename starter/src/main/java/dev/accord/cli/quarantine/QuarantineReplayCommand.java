package dev.accord.cli.quarantine;

import dev.accord.store.AccordStore;
import dev.accord.store.QuarantineActions;
import dev.accord.cli.ContractFlows;
import dev.accord.cli.StoreConnection;
import dev.accord.cli.TemporalConnection;
import dev.accord.workflows.quarantine.QuarantineReplayInput;
import dev.accord.workflows.quarantine.QuarantineReplayResult;
import dev.accord.workflows.quarantine.QuarantineReplayWorkflow;
import dev.accord.workflows.runs.RunLabels;
import dev.accord.workflows.runs.WorkflowStarts;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.client.WorkflowClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code accord quarantine replay <id…> | --flow <flow> [--reason] [--key]}: starts a QuarantineReplayWorkflow per
 * flow on the worker (the CLI never runs the engine itself); with {@code --wait}, prints how each entry ended.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Bring quarantined records through again.",
            "Fix the source row or the contract first (restart the worker with a fixed",
            "contract). Each flow's entries are replayed by the workflow",
            "quarantine-replay/<flow>/<time> on the worker, under a run of kind replay",
            "(undo it with `accord rollback run <run>`). A record is read again from the",
            "source by key (from its stored payload if the source no longer has it) and",
            "goes through validation, the hub and the targets; a record quarantined at",
            "egress is delivered to that target again. Entries become replayed, or stay",
            "open when the record is quarantined again. Discarded entries are skipped.",
            "",
            "  accord quarantine replay 42 43 --wait",
            "  accord quarantine replay --flow crm-customers --reason VALUE_NOT_ALLOWED"})
final class QuarantineReplayCommand implements Callable<Integer> {

    @Mixin
    StoreConnection store;

    @Mixin
    TemporalConnection temporal;

    @Mixin
    ContractFlows contract;

    @Parameters(paramLabel = "ID", arity = "0..*", description = "Entry ids (see `accord quarantine list`); open or replayed before.")
    List<Long> ids = new ArrayList<>();

    @Option(names = "--flow", description = "Every open entry of this flow (with --reason or --key: only those).")
    String flow;

    @Option(names = "--reason", paramLabel = "CODE", description = "Only open entries with this reason code (needs --flow).")
    String reason;

    @Option(names = "--key", description = "Only open entries of this record key (needs --flow).")
    String key;

    @Option(names = "--by", defaultValue = "${sys:user.name}", description = "Who replays (default: your user name), recorded with each entry.")
    String by;

    @Option(names = "--wait", description = "Wait for every replay to end and print how each entry ended.")
    boolean waitForResult;

    @Override
    public Integer call() {
        Map<String, List<Long>> byFlow = selection();
        byFlow.keySet().forEach(contract::require);
        WorkflowClient client = temporal.client();
        Instant now = Instant.now();
        Map<String, QuarantineReplayWorkflow> started = new LinkedHashMap<>();
        byFlow.forEach((name, entries) -> {
            String workflowId = temporal.workflowId(QuarantineReplayWorkflow.workflowId(name, now));
            QuarantineReplayInput input = new QuarantineReplayInput(name, entries, entries.isEmpty() ? reason : null,
                    entries.isEmpty() ? key : null, by, null);
            QuarantineReplayWorkflow workflow = client.newWorkflowStub(QuarantineReplayWorkflow.class,
                    WorkflowStarts.options(temporal.taskQueue(), workflowId, RunLabels.quarantineReplay(input)));
            WorkflowExecution execution = WorkflowClient.start(workflow::run, input);
            System.out.println("started " + workflowId + " (run " + execution.getRunId() + ")");
            started.put(workflowId, workflow);
        });
        if (!waitForResult) {
            System.out.println("follow it with: accord quarantine list --state all" + (flow == null ? "" : " --flow " + flow));
            return 0;
        }
        boolean finished = true;
        for (QuarantineReplayWorkflow workflow : started.values()) {
            QuarantineReplayResult result = io.temporal.client.WorkflowStub.fromTyped(workflow).getResult(QuarantineReplayResult.class);
            System.out.println(result.flow() + ": " + result.state() + ", " + result.entries() + " entries, run " + result.runId());
            System.out.println("  " + result.counts());
            finished &= "finished".equals(result.state());
        }
        if (!ids.isEmpty()) {
            AccordStore accord = store.open();
            accord.inTransaction(c -> accord.quarantine().find(c, ids)).forEach(s -> System.out.println("  " + s.id() + " " + s.state()
                    + (s.replayOutcome() == null ? "" : ": " + s.replayOutcome())));
        }
        return finished ? 0 : 1;
    }

    /** The flows to replay, each with its listed entries (empty: select by --reason and --key). */
    private Map<String, List<Long>> selection() {
        if (ids.isEmpty()) {
            if (flow == null) {
                throw new IllegalArgumentException("name the entries to replay by id, or select them with --flow (and --reason, --key)");
            }
            return Map.of(flow, List.of());
        }
        if (reason != null || key != null) {
            throw new IllegalArgumentException("replay either entries by id or a selection (--flow with --reason, --key), not both");
        }
        AccordStore accord = store.open();
        QuarantineActions.Named named = accord.inTransaction(c -> accord.quarantineActions().named(c, ids));
        if (!named.unknown().isEmpty()) {
            throw new IllegalArgumentException("no quarantine entry " + named.unknown() + "; see `accord quarantine list --state all`");
        }
        if (flow != null && !named.byFlow().keySet().stream().allMatch(flow::equals)) {
            throw new IllegalArgumentException("entries of flows " + named.byFlow().keySet() + " named, but --flow is " + flow);
        }
        named.discarded().forEach(s -> System.out.println("skipping " + s.id() + ": discarded by " + s.actedBy() + " at " + s.actedAt()));
        Map<String, List<Long>> byFlow = named.byFlow();
        if (byFlow.isEmpty()) {
            throw new IllegalArgumentException("nothing to replay: every entry named is discarded");
        }
        return byFlow;
    }
}
