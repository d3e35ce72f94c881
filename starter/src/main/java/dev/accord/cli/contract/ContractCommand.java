package dev.accord.cli.contract;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code accord contract}: check a contract against its previous version or the schema registry (for CI),
 * show what changed, generate the data dictionary, register schemas. Needs no worker and no Temporal.
 */
@Command(name = "contract", mixinStandardHelpOptions = true,
        description = {"Contracts at the boundary: compatibility checks for CI, diffs, the data dictionary, the schema registry.",
            "Exit codes: 0 compatible / done, 1 breaking changes found, 2 unreadable input."},
        subcommands = {ContractCheckCommand.class, ContractDiffCommand.class, ContractDocsCommand.class, ContractRegisterCommand.class})
public final class ContractCommand implements Runnable {

    /** The contract is compatible, or the command did what it was asked. */
    static final int OK = 0;
    /** Breaking changes were found. */
    static final int BREAKING = 1;
    /** A contract, schema or the registry could not be read. */
    static final int UNREADABLE = 2;

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
