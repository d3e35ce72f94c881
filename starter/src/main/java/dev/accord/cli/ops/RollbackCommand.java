package dev.accord.cli.ops;

import dev.accord.cli.TemporalConnection;
import dev.accord.workflows.WorkflowIds;
import dev.accord.workflows.rollback.RollbackInput;
import dev.accord.workflows.rollback.RollbackSummary;
import dev.accord.workflows.rollback.RollbackWorkflow;
import dev.accord.workflows.runs.RunLabels;
import dev.accord.workflows.runs.WorkflowStarts;
import io.temporal.client.WorkflowClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code accord rollback run <id>} and {@code accord rollback flow <name> --since …|--contract-version …}:
 * a RollbackWorkflow that reverts from the change log, newest first, reporting (never overwriting) values
 * someone changed since.
 */
@Command(name = "rollback", mixinStandardHelpOptions = true, description = "Revert what runs wrote, from the change log.",
        subcommands = {RollbackCommand.Run.class, RollbackCommand.Flow.class})
public final class RollbackCommand implements Runnable {

    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static int execute(TemporalConnection temporal, String id, RollbackInput input) {
        String workflowId = temporal.workflowId(id);
        WorkflowClient client = temporal.client();
        RollbackWorkflow workflow = client.newWorkflowStub(RollbackWorkflow.class,
                WorkflowStarts.options(temporal.taskQueue(), workflowId, RunLabels.rollback(input)));
        System.out.println("rolling back with " + workflowId + " …");
        RollbackSummary summary = workflow.run(input);
        System.out.println(summary.state() + ": " + summary.runs().size() + " run(s), " + summary.reverted() + " rows restored, "
                + summary.alreadyReverted() + " already restored before");
        summary.conflicts().forEach(c -> System.out.println("  left alone (changed since): " + c));
        return 0;
    }

    @Command(name = "run", mixinStandardHelpOptions = true, description = "Revert one run (see `accord runs list`).")
    static final class Run implements Callable<Integer> {
        @Mixin
        TemporalConnection temporal;

        @Parameters(paramLabel = "RUN", description = "The run id.")
        String runId;


        @Override
        public Integer call() {
            return execute(temporal, WorkflowIds.rollbackOfRun(runId), new RollbackInput(null, runId, null, null));
        }
    }

    @Command(name = "flow", mixinStandardHelpOptions = true,
            description = "Revert every run of a flow since a moment or a run, or since the last run under a known-good contract version.")
    static final class Flow implements Callable<Integer> {
        @Mixin
        TemporalConnection temporal;

        @Parameters(paramLabel = "FLOW", description = "The flow.")
        String flow;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Scope scope;

        static final class Scope {
            @picocli.CommandLine.Option(names = "--since", paramLabel = "TIME|RUN",
                    description = "An ISO-8601 time (2024-06-01T00:00:00Z) or a run id: every run that started then or later.")
            String since;

            @picocli.CommandLine.Option(names = "--contract-version", paramLabel = "VERSION",
                    description = "The last known-good contract version: every run after the last one under it.")
            String contractVersion;
        }

        @Override
        public Integer call() {
            String label = scope.since != null ? scope.since : "contract-" + scope.contractVersion;
            return execute(temporal, WorkflowIds.rollbackOfFlow(flow, label),
                    new RollbackInput(flow, null, scope.since, scope.contractVersion));
        }
    }
}
