package dev.accord.worker;

/**
 * Where the worker's Temporal frontend is: the configured server, or the in-process one this endpoint
 * starts (and stops on close) when no address is configured.
 */
public final class TemporalEndpoint implements AutoCloseable {

    private final String target;
    private final EmbeddedTemporal embedded;

    TemporalEndpoint(AccordProperties.Temporal settings) {
        this.embedded = settings.embedded() ? new EmbeddedTemporal(settings.embeddedPort()) : null;
        this.target = settings.target();
    }

    public String target() {
        return target;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
