package dev.accord.cli.quarantine;

import picocli.CommandLine.Command;

/** {@code accord quarantine list|show|replay|discard}: records that broke a rule, and what to do about them. */
@Command(name = "quarantine", mixinStandardHelpOptions = true,
        description = {"List, show, replay and discard quarantined records.",
            "",
            "Records that broke a contract rule, when read from a flow's source (ingress)",
            "or just before a write to a target (egress), are kept in the Accord store",
            "with reason code, path and payload. An entry is open until it is replayed",
            "(after the source row or the contract was fixed) or discarded (given up).",
            "",
            "  accord quarantine list --flow crm-customers     open entries, by reason",
            "  accord quarantine show 42                       one entry, PII masked",
            "  accord quarantine replay 42 43 --wait           bring records through",
            "  accord quarantine discard 44 --reason \"test\"    give an entry up"},
        subcommands = {QuarantineListCommand.class, QuarantineShowCommand.class, QuarantineReplayCommand.class,
            QuarantineDiscardCommand.class})
public final class QuarantineCommand implements Runnable {

    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
