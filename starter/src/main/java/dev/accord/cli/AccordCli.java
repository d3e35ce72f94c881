package dev.accord.cli;

import dev.accord.cli.backfill.BackfillCommand;
import dev.accord.cli.contract.ContractCommand;
import dev.accord.cli.demo.DemoCommand;
import dev.accord.cli.ops.ExplainCommand;
import dev.accord.cli.ops.IdentityCommand;
import dev.accord.cli.ops.KillSwitchCommand;
import dev.accord.cli.ops.ReviewCommand;
import dev.accord.cli.ops.RollbackCommand;
import dev.accord.cli.ops.RunsCommand;
import dev.accord.cli.ops.SlaCommand;
import dev.accord.cli.quarantine.QuarantineCommand;
import dev.accord.cli.sync.SyncCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code accord} command. */
@Command(name = "accord",
        mixinStandardHelpOptions = true,
        versionProvider = AccordCli.Version.class,
        description = {
            "Accord keeps business records consistent across CRM, billing, support and other systems,",
            "with every sync a durable Temporal workflow.",
            "",
            "Start with: accord demo"
        },
        footer = {
            "",
            "Temporal payloads are plain JSON with PII values encrypted. Commands that talk to Temporal read",
            "the deployment's keys from ACCORD_PAYLOAD_KEYS (base64, comma-separated, the first encrypts) or",
            "ACCORD_PAYLOAD_KEY_FILE (one key per line), else the embedded worker's ./.accord/payload.key; they",
            "need one only to read an encrypted value, or with ACCORD_PAYLOADS_ENCRYPTION=payload, and never",
            "create one. See docs/security.md."
        },
        subcommands = {DemoCommand.class, SyncCommand.class, BackfillCommand.class, RollbackCommand.class, KillSwitchCommand.class,
            RunsCommand.class, ExplainCommand.class, IdentityCommand.class, ReviewCommand.class, QuarantineCommand.class, SlaCommand.class, ContractCommand.class, WorkerCommand.class, TemporalServerCommand.class, CommandLine.HelpCommand.class})
public final class AccordCli implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with Accord's error handling, for main and for tests. */
    public static CommandLine commandLine() {
        return new CommandLine(new AccordCli()).setExecutionExceptionHandler(new CliErrors());
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = AccordCli.class.getPackage().getImplementationVersion();
            return new String[] {"accord " + (version == null ? "(development build)" : version)};
        }
    }
}
