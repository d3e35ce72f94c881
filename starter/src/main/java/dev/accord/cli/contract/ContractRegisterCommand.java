package dev.accord.cli.contract;

import dev.accord.store.AccordStore;
import dev.accord.store.SchemaRegistry;
import dev.accord.cli.StoreConnection;
import dev.accord.core.contract.Contract;
import dev.accord.core.contract.DomainSpec;
import dev.accord.core.schema.CheckReport;
import dev.accord.core.schema.ContractCheck;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code accord contract register}: record the contract's schema versions in the registry, if they are compatible. */
@Command(name = "register", mixinStandardHelpOptions = true,
        description = {"Register every domain's schema version in the Accord store's schema registry, after checking it against",
            "the registered versions under the domain's compatibility mode (as 'check --against registry' does).",
            "Registering an already registered version with the same content changes nothing.",
            "Exit codes: 0 registered (or already there), 1 breaking changes (nothing registered), 2 unreadable input."})
public final class ContractRegisterCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "CONTRACT", description = "The contract file.")
    Path contract;

    @Mixin
    StoreConnection store;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try {
            Contract current = ContractInput.load(contract, "contract");
            CheckReport report = ContractCheck.againstRegistry(ContractCheckCommand.registered(store), current);
            if (!report.compatible()) {
                spec.commandLine().getOut().print(report.render());
                spec.commandLine().getOut().flush();
                spec.commandLine().getOut().println("nothing registered");
                return ContractCommand.BREAKING;
            }
            AccordStore accord = store.open();
            SchemaRegistry registry = accord.schemas();
            String who = System.getProperty("user.name", "unknown");
            for (DomainSpec domain : current.domains().values()) {
                boolean added = accord.inTransaction(c -> registry.register(c, new SchemaRegistry.Registered(domain.name(),
                        domain.schema().version(), domain.schema().schema(), domain.compatibility().name(), current.name(),
                        current.version(), current.hash(), who, null)));
                spec.commandLine().getOut().println(domain.name() + ": schema version " + domain.schema().version()
                        + (added ? " registered (" + domain.compatibility() + ")" : " was registered already"));
            }
            return ContractCommand.OK;
        } catch (ContractInput.Unreadable e) {
            spec.commandLine().getErr().println("accord: " + e.getMessage());
            return ContractCommand.UNREADABLE;
        }
    }
}
