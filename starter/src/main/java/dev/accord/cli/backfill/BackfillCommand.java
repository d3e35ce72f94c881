package dev.accord.cli.backfill;

import picocli.CommandLine.Command;

/** {@code accord backfill …}: full or key-range reloads of a flow, as chunked, resumable, reversible workflows. */
@Command(name = "backfill", mixinStandardHelpOptions = true,
        description = {"Reload a flow (all of it or a key range) in chunks with bounded parallelism.",
            "A backfill is the workflow backfill/<flow>/<timestamp>; it is resumable and can be rolled back as a whole."},
        subcommands = {BackfillStartCommand.class, BackfillSignalCommand.Pause.class, BackfillSignalCommand.Resume.class,
            BackfillSignalCommand.Cancel.class, BackfillSignalCommand.Rollback.class, BackfillStatusCommand.class})
public final class BackfillCommand implements Runnable {

    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
