package dev.accord.cli.backfill;

import dev.accord.cli.StoreConnection;
import dev.accord.cli.TemporalConnection;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** Sends a signal to a backfill; it passes it on to its running chunks. */
abstract class BackfillSignalCommand implements Callable<Integer> {

    @Mixin
    TemporalConnection temporal;

    @Mixin
    StoreConnection store;

    @Parameters(paramLabel = "BACKFILL", description = "backfill/<flow>/<timestamp>, or a flow for its newest backfill.")
    String backfill;

    private final String signal;
    private final String effect;

    BackfillSignalCommand(String signal, String effect) {
        this.signal = signal;
        this.effect = effect;
    }

    @Override
    public Integer call() {
        String id = BackfillTarget.workflowId(backfill, temporal, store);
        temporal.client().newUntypedWorkflowStub(id).signal(signal);
        System.out.println("sent " + signal + " to " + id + ": " + effect);
        return 0;
    }

    @Command(name = "pause", mixinStandardHelpOptions = true, description = "Pause: running chunks finish their page and wait.")
    static final class Pause extends BackfillSignalCommand {
        Pause() {
            super("pause", "running chunks finish their current page and wait; no new chunk starts");
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true, description = "Resume a paused backfill.")
    static final class Resume extends BackfillSignalCommand {
        Resume() {
            super("resume", "chunks continue where they paused");
        }
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true, description = "Stop; what was done stays.")
    static final class Cancel extends BackfillSignalCommand {
        Cancel() {
            super("cancel", "running chunks finish their current page and stop");
        }
    }

    @Command(name = "rollback", mixinStandardHelpOptions = true, description = "Stop and revert everything the backfill wrote.")
    static final class Rollback extends BackfillSignalCommand {
        Rollback() {
            super("rollback", "chunks stop, then every write of the backfill is reverted, newest first");
        }
    }
}
