package dev.accord.cli.contract;

import dev.accord.core.contract.Contract;
import dev.accord.core.schema.ContractDiff;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code accord contract diff}: what changed, field by field. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Show what changed between a previous contract and this one, domain by domain and field by field:",
            "rules (owner, merge, required, allowed, …), the schema with each change's compatibility rule, and who maps and reads each field.",
            "Exit codes: 0 shown (changed or not), 2 unreadable input."})
public final class ContractDiffCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "CONTRACT", description = "The new contract file.")
    Path contract;

    @Option(names = "--against", required = true, paramLabel = "PREVIOUS", description = "The previous contract file.")
    Path against;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try {
            Contract previous = ContractInput.load(against, "previous contract");
            Contract current = ContractInput.load(contract, "contract");
            List<ContractDiff.Entry> entries = ContractDiff.between(previous, current);
            spec.commandLine().getOut().print(ContractDiff.render(entries));
            spec.commandLine().getOut().flush();
            return ContractCommand.OK;
        } catch (ContractInput.Unreadable e) {
            spec.commandLine().getErr().println("accord: " + e.getMessage());
            return ContractCommand.UNREADABLE;
        }
    }
}
