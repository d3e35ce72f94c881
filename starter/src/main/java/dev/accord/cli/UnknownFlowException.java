package dev.accord.cli;

import dev.accord.core.failure.ClassifiedFailure;
import dev.accord.core.failure.FailureKind;
import java.util.List;

/**
 * A command named a flow its contract does not have. Thrown before anything is started, so no workflow exists that
 * the worker would only fail; the message lists the contract's flows.
 */
public final class UnknownFlowException extends RuntimeException implements ClassifiedFailure {

    private final String flow;
    private final List<String> known;

    public UnknownFlowException(String flow, String contract, String contractFile, List<String> known) {
        super("no flow '" + flow + "' in contract " + contract + " (" + contractFile + "); its flows are: " + String.join(", ", known)
                + ". Use one of them, or point --contract (or ACCORD_CONTRACT) at the contract the worker runs");
        this.flow = flow;
        this.known = List.copyOf(known);
    }

    @Override
    public FailureKind kind() {
        return FailureKind.CONFIGURATION;
    }

    /** The contract's own code for a name it does not declare ({@code Contract.UnknownNameException}). */
    @Override
    public String reasonCode() {
        return "UNKNOWN_NAME";
    }

    public String flow() {
        return flow;
    }

    /** The contract's flows, in the contract's order. */
    public List<String> known() {
        return known;
    }
}
