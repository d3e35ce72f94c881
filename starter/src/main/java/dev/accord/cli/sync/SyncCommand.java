package dev.accord.cli.sync;

import picocli.CommandLine.Command;

/** {@code accord sync …}: start and steer the sync of one flow. */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = {"Start, pause, resume, cancel, roll back and inspect the sync of a flow.",
            "A flow's sync is the Temporal workflow sync/<flow> on task queue 'accord'."},
        subcommands = {SyncStartCommand.class, SyncSignalCommand.Pause.class, SyncSignalCommand.Resume.class,
            SyncSignalCommand.Cancel.class, SyncSignalCommand.Rollback.class, SyncStatusCommand.class})
public final class SyncCommand implements Runnable {

    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
