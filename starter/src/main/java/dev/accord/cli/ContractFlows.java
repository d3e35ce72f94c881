package dev.accord.cli;

import dev.accord.core.contract.Contract;
import dev.accord.core.contract.ContractLoader;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The contract a command's flow must belong to: the same default as the worker ($ACCORD_CONTRACT or the example
 * contract). Commands that start workflows for a flow check it here first, so a typo is refused with the contract's
 * flows listed instead of becoming a workflow that fails on the worker.
 */
public final class ContractFlows {

    @Option(names = "--contract", paramLabel = "FILE", defaultValue = "${env:ACCORD_CONTRACT:-examples/customers.contract.yaml}",
            description = "The contract the worker runs, to check the flow against (default: $ACCORD_CONTRACT or examples/customers.contract.yaml).")
    Path contract;

    /** Returns {@code flow} when the contract has it; otherwise throws {@link UnknownFlowException}. */
    public String require(String flow) {
        Contract loaded = new ContractLoader().load(contract);
        if (!loaded.flows().containsKey(flow)) {
            throw new UnknownFlowException(flow, loaded.name(), contract.toString(), List.copyOf(loaded.flows().keySet()));
        }
        return flow;
    }
}
