package dev.accord.cli.contract;

import dev.accord.store.AccordStore;
import dev.accord.cli.StoreConnection;
import dev.accord.core.contract.Contract;
import dev.accord.core.schema.CheckReport;
import dev.accord.core.schema.ContractCheck;
import dev.accord.core.schema.VersionedSchema;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code accord contract check}: may this contract replace the previous one? Made for CI: the exit code says. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check a contract: it must load, and with --against, every domain's schema must keep its compatibility",
            "mode, a changed schema must carry a higher version, and no change may break what a target declared it reads.",
            "Exit codes: 0 compatible, 1 breaking changes (a report on stdout), 2 unreadable input (on stderr)."})
public final class ContractCheckCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "CONTRACT", description = "The contract file to check.")
    Path contract;

    @Option(names = "--against", paramLabel = "PREVIOUS|registry",
            description = "The previous contract file, or 'registry' for every schema version in the Accord store.")
    String against;

    @Mixin
    StoreConnection store;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try {
            Contract current = ContractInput.load(contract, "contract");
            if (against == null) {
                spec.commandLine().getOut().println(contract + " loads: " + current.domains().size() + " domains, "
                        + current.systems().size() + " systems, " + current.flows().size() + " flows (" + current.hash() + ")");
                return ContractCommand.OK;
            }
            CheckReport report = "registry".equals(against)
                    ? ContractCheck.againstRegistry(registered(store), current)
                    : ContractCheck.against(ContractInput.load(Path.of(against), "previous contract"), current, against);
            spec.commandLine().getOut().print(report.render());
            spec.commandLine().getOut().flush();
            return report.compatible() ? ContractCommand.OK : ContractCommand.BREAKING;
        } catch (ContractInput.Unreadable e) {
            spec.commandLine().getErr().println("accord: " + e.getMessage());
            return ContractCommand.UNREADABLE;
        }
    }

    /** Every registered schema version, per domain; an unreachable store is unreadable input. */
    static Map<String, List<VersionedSchema>> registered(StoreConnection store) {
        try {
            AccordStore accord = store.open();
            return accord.inTransaction(c -> accord.schemas().all(c));
        } catch (RuntimeException e) {
            throw new ContractInput.Unreadable("cannot read the schema registry in the Accord store: " + e.getMessage());
        }
    }
}
