package dev.accord.cli.sync;

import dev.accord.cli.TemporalConnection;
import dev.accord.workflows.WorkflowIds;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** Sends one of the sync signals to {@code sync/<flow>}; the run acts on it between pages. */
abstract class SyncSignalCommand implements Callable<Integer> {

    @Mixin
    TemporalConnection temporal;

    @Parameters(paramLabel = "FLOW", description = "The flow whose sync gets the signal.")
    String flow;

    private final String signal;
    private final String effect;

    SyncSignalCommand(String signal, String effect) {
        this.signal = signal;
        this.effect = effect;
    }

    @Override
    public Integer call() {
        String workflowId = temporal.workflowId(WorkflowIds.sync(flow));
        temporal.client().newUntypedWorkflowStub(workflowId).signal(signal);
        System.out.println("sent " + signal + " to " + workflowId + ": " + effect);
        return 0;
    }

    @Command(name = "pause", mixinStandardHelpOptions = true, description = "Pause the sync after its current page.")
    static final class Pause extends SyncSignalCommand {
        Pause() {
            super("pause", "it finishes the current page and waits for resume");
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true, description = "Resume a paused sync.")
    static final class Resume extends SyncSignalCommand {
        Resume() {
            super("resume", "it continues from where it paused");
        }
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true, description = "Stop the sync after its current page; the checkpoint keeps what was done.")
    static final class Cancel extends SyncSignalCommand {
        Cancel() {
            super("cancel", "it finishes the current page and stops");
        }
    }

    @Command(name = "rollback", mixinStandardHelpOptions = true,
            description = "Stop the sync after its current page and revert everything this run wrote to its targets.")
    static final class Rollback extends SyncSignalCommand {
        Rollback() {
            super("rollback", "it stops and restores the before-images of its writes, newest first");
        }
    }
}
