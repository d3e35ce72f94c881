package dev.accord.engine;

import dev.accord.connectors.SystemUnavailableException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a system that is unavailable for now (open circuit breaker, full bulkhead, throttling) into a held
 * result instead of a failure, so the workflow waits on a durable timer and tries the same step again,
 * rather than burning activity retries against a system that asked to be left alone.
 */
public final class Holds {

    private static final Logger LOG = LoggerFactory.getLogger(Holds.class);

    private Holds() {}

    public static <T> T holdingWhileUnavailable(Supplier<T> work, Function<SystemUnavailableException, T> held) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            SystemUnavailableException unavailable = SystemUnavailableException.in(e);
            if (unavailable == null) {
                throw e;
            }
            LOG.warn("holding: {}", unavailable.getMessage());
            return held.apply(unavailable);
        }
    }
}
