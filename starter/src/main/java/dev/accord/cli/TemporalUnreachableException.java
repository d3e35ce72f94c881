package dev.accord.cli;

import dev.accord.core.failure.ClassifiedFailure;
import dev.accord.core.failure.FailureKind;

/**
 * No Temporal frontend answered at the address the CLI was given, within the connect timeout. Thrown before the
 * command does anything, so nothing was started or signalled; the message names the address and the two ways out.
 */
public final class TemporalUnreachableException extends RuntimeException implements ClassifiedFailure {

    private final String address;

    public TemporalUnreachableException(String address, Throwable cause) {
        super("cannot reach Temporal at " + address + ": start a worker with `./accord worker` (or `./accord demo --keep-running`),"
                + " which runs an embedded Temporal server there, or set TEMPORAL_ADDRESS (or --temporal) to a running server", cause);
        this.address = address;
    }

    @Override
    public FailureKind kind() {
        return FailureKind.AVAILABILITY;
    }

    @Override
    public String reasonCode() {
        return "TEMPORAL_UNREACHABLE";
    }

    /** The frontend address that did not answer. */
    public String address() {
        return address;
    }
}
