package dev.accord.connectors;

import dev.accord.core.failure.ClassifiedFailure;
import dev.accord.core.failure.FailureKind;

/**
 * A source connector returned rows but no position past them ({@link PageProgress}): taking the page would make
 * the flow read the same page forever. That is a bug of the connector, not of the data or the system, and reading
 * again gives the same answer, so the failure is classed with the configuration failures: the run stops at once
 * with this message, the checkpoint stays before the page, and no circuit breaker counts it. The message names the
 * system, the domain and the position (cursor values and keys, never other values).
 */
public final class StalledCursorException extends IllegalStateException implements ClassifiedFailure {

    public StalledCursorException(String system, String domain, String position, int rows) {
        super("the source connector of system '" + system + "', domain '" + domain + "' returned " + (rows == 1 ? "1 row" : rows + " rows") + " after "
                + position + " without moving past it; taking the page would read it again forever. This is a bug of the"
                + " connector: report it with this position. The checkpoint stays where it was");
    }

    @Override
    public FailureKind kind() {
        return FailureKind.CONFIGURATION;
    }

    @Override
    public String reasonCode() {
        return "SOURCE_CURSOR_STALLED";
    }
}
