package dev.accord.cli.ops;

import dev.accord.store.AccordStore;
import dev.accord.store.KillSwitch;
import dev.accord.cli.OutputFormat;
import dev.accord.cli.StoreConnection;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code accord killswitch on|off|status}: the global switch every write checks first. */
@Command(name = "killswitch", mixinStandardHelpOptions = true,
        description = {"Halt or allow all writes to targets, everywhere.",
            "While on, every run holds its deliveries (it waits, it does not fail) and resumes when it is lifted."})
public final class KillSwitchCommand implements Callable<Integer> {

    @Mixin
    StoreConnection store;

    @Parameters(paramLabel = "on|off|status", description = "Turn the switch on, off, or show it.")
    String action;

    @Option(names = "--reason", description = "Why (recorded with the switch).")
    String reason;

    @Mixin
    OutputFormat output;

    /**
     * {@code killswitch … -o json} (docs/cli.md): whether writes are held, and who changed that when and why;
     * {@code changedAt} is ISO-8601 UTC, null (like the others) when the switch was never changed.
     */
    record Json(boolean engaged, String reason, String changedBy, String changedAt) {}

    @Override
    public Integer call() {
        AccordStore accord = store.open();
        String who = System.getProperty("user.name", "unknown");
        switch (action) {
            case "on" -> accord.inTransaction(c -> {
                accord.killSwitch().set(c, true, reason, who);
                return null;
            });
            case "off" -> accord.inTransaction(c -> {
                accord.killSwitch().set(c, false, reason, who);
                return null;
            });
            case "status" -> { }
            default -> throw new IllegalArgumentException("say on, off or status, not '" + action + "'");
        }
        KillSwitch.State state = accord.inTransaction(c -> accord.killSwitch().state(c));
        if (output.json()) {
            output.print(new Json(state.engaged(), state.reason(), state.changedBy(),
                    state.changedAt() == null ? null : state.changedAt().toString()));
            return 0;
        }
        System.out.println("kill switch " + (state.engaged() ? "ON: all writes to targets are held" : "off: writes flow")
                + " (since " + state.changedAt() + " by " + state.changedBy() + (state.reason() == null ? "" : ", reason: " + state.reason()) + ")");
        return 0;
    }
}
