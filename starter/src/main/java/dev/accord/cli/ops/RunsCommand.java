package dev.accord.cli.ops;

import dev.accord.store.AccordStore;
import dev.accord.store.DryRunDiffs;
import dev.accord.store.Runs;
import dev.accord.cli.OutputFormat;
import dev.accord.cli.StoreConnection;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code accord runs list|show}: the run records in the Accord store (Temporal's visibility is not needed). */
@Command(name = "runs", mixinStandardHelpOptions = true, description = "List runs, or show one run's artifacts.",
        subcommands = {RunsCommand.ListRuns.class, RunsCommand.ShowRun.class})
public final class RunsCommand implements Runnable {

    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The newest runs, optionally of one flow.")
    static final class ListRuns implements Callable<Integer> {
        @Mixin
        StoreConnection store;

        @Option(names = "--flow", description = "Only this flow.")
        String flow;

        @Option(names = "--limit", defaultValue = "20", description = "How many (default ${DEFAULT-VALUE}).")
        int limit;

        @Mixin
        OutputFormat output;

        @Override
        public Integer call() {
            AccordStore accord = store.open();
            List<Runs.Run> runs = accord.inTransaction(c -> accord.runs().recent(c, flow, limit));
            if (output.json()) {
                output.print(runs.stream().map(RunJson::of).toList());
                return 0;
            }
            System.out.printf("%-38s %-20s %-9s %-12s %6s  %-24s %s%n", "run", "flow", "kind", "state", "pages", "started", "workflow");
            for (Runs.Run run : runs) {
                System.out.printf("%-38s %-20s %-9s %-12s %6d  %-24s %s%n", run.runId(), run.flow(), run.kind(), run.state(), run.pages(),
                        run.startedAt(), run.workflowId());
            }
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "One run: contract, schema, options, worker, counts.")
    static final class ShowRun implements Callable<Integer> {
        @Mixin
        StoreConnection store;

        @Parameters(paramLabel = "RUN", description = "The run id (see runs list).")
        String runId;

        @Mixin
        OutputFormat output;

        @Override
        public Integer call() {
            AccordStore accord = store.open();
            Runs.Run run = accord.inTransaction(c -> accord.runs().find(c, runId))
                    .orElseThrow(() -> new IllegalArgumentException("no run " + runId + " in the Accord store; see `accord runs list`"));
            if (output.json()) {
                List<DryRunDiffs.Diff> samples = run.dryRun()
                        ? accord.inTransaction(c -> accord.dryRunDiffs().forRun(c, runId, 50)) : List.of();
                output.print(new RunJson.Detail(RunJson.of(run), samples.stream().map(RunJson.DryRunSample::of).toList()));
                return 0;
            }
            System.out.println("run               " + run.runId());
            System.out.println("workflow          " + run.workflowId() + " (execution " + run.lastExecutionRunId() + ")");
            System.out.println("flow              " + run.flow() + " (" + run.kind() + (run.dryRun() ? ", dry run" : "") + ")");
            System.out.println("state             " + run.state() + ", " + run.pages() + " pages");
            System.out.println("contract          version " + run.contractVersion() + ", " + run.contractHash());
            System.out.println("schema version    " + run.schemaVersion());
            System.out.println("options           " + run.optionsJson());
            System.out.println("started at        " + run.startPosition() + " / " + run.startKey() + " (checkpoint)");
            System.out.println("worker            " + run.workerVersion() + " on " + run.deploymentId());
            System.out.println("started, finished " + run.startedAt() + ", " + run.finishedAt());
            System.out.println("counts            " + run.countsJson());
            if (run.dryRun()) {
                System.out.println("what it would have written (samples):");
                accord.inTransaction(c -> accord.dryRunDiffs().forRun(c, runId, 50)).forEach(d ->
                        System.out.println("  " + d.target() + " " + d.operation() + " " + d.key() + ": " + d.beforeJson() + " -> " + d.afterJson()));
            }
            return 0;
        }
    }
}
