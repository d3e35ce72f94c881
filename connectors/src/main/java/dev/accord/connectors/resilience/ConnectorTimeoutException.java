package dev.accord.connectors.resilience;

import dev.accord.core.failure.ClassifiedFailure;
import dev.accord.core.failure.FailureKind;
import java.time.Duration;

/**
 * A connector call took longer than its system's time limit and was abandoned (its thread interrupted).
 * Retried by the activity; a write that was cut off may still land, and the retry's fresh read tells.
 */
public final class ConnectorTimeoutException extends RuntimeException implements ClassifiedFailure {
    @Override
    public FailureKind kind() {
        return FailureKind.AVAILABILITY;
    }

    @Override
    public String reasonCode() {
        return "CONNECTOR_TIMEOUT";
    }


    public ConnectorTimeoutException(String system, String call, Duration limit) {
        super("system '" + system + "': " + call + " took longer than " + limit.toMillis() + " ms and was abandoned");
    }
}
