package dev.accord.engine;

import dev.accord.connectors.ConnectorFactory;
import dev.accord.connectors.SourceConnector;
import dev.accord.connectors.TargetConnector;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/** Connectors whose targets a test may step in front of (to play a concurrent writer, or a worker that dies). */
final class SteppedConnectors implements ConnectorFactory {

    private final ConnectorFactory connectors;
    private final Supplier<UnaryOperator<TargetConnector>> wrapper;

    /** @param wrapper asked at every {@link #target} call, so a test may change it after the engine is built */
    SteppedConnectors(ConnectorFactory connectors, Supplier<UnaryOperator<TargetConnector>> wrapper) {
        this.connectors = connectors;
        this.wrapper = wrapper;
    }

    @Override
    public SourceConnector source(String system, String domain) {
        return connectors.source(system, domain);
    }

    @Override
    public TargetConnector target(String system, String domain) {
        return wrapper.get().apply(connectors.target(system, domain));
    }
}
