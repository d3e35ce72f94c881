package dev.accord.engine;

import dev.accord.connectors.ConnectorFactory;
import dev.accord.connectors.SourceConnector;
import dev.accord.connectors.TargetConnector;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/** Connectors whose targets a test may step in front of (to play a concurrent writer, or a worker that dies). */
final class SteppedConnectors implements ConnectorFactory {

    private final BiFunction<String, String, SourceConnector> sources;
    private final BiFunction<String, String, TargetConnector> targets;
    private final Supplier<UnaryOperator<TargetConnector>> wrapper;

    /**
     * @param sources and {@code targets}: the connectors by system and domain (e.g. {@code jdbc::source}, {@code jdbc::target})
     * @param wrapper asked at every {@link #target} call, so a test may change it after the engine is built
     */
    SteppedConnectors(BiFunction<String, String, SourceConnector> sources, BiFunction<String, String, TargetConnector> targets,
                      Supplier<UnaryOperator<TargetConnector>> wrapper) {
        this.sources = sources;
        this.targets = targets;
        this.wrapper = wrapper;
    }

    @Override
    public SourceConnector source(String system, String domain) {
        return sources.apply(system, domain);
    }

    @Override
    public TargetConnector target(String system, String domain) {
        return wrapper.get().apply(targets.apply(system, domain));
    }
}
