package dev.accord.connectors;

/**
 * Paces the requests a connector sends to one system (its per-system rate limit). A connector that sends
 * several requests per call (HTTP: one per page or record) takes one permit per request; the rest are paced
 * per call by the resilience layer.
 */
@FunctionalInterface
public interface Throttle {

    /** No pacing. */
    Throttle NONE = () -> { };

    /**
     * Waits for a permit to send one request.
     *
     * @throws SystemUnavailableException when no permit comes within the limiter's wait
     */
    void acquire();
}
