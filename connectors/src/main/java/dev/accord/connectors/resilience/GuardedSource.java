package dev.accord.connectors.resilience;

import dev.accord.connectors.SourceConnector;
import dev.accord.connectors.SourceCursor;
import dev.accord.connectors.SourcePage;
import dev.accord.connectors.SourceRow;
import java.util.Collection;
import java.util.List;

/** A source whose every call runs under its system's {@link SystemGuard}. */
final class GuardedSource implements SourceConnector {

    private final SystemGuard guard;
    private final SourceConnector source;
    private final boolean paced;

    GuardedSource(SystemGuard guard, SourceConnector source, boolean paced) {
        this.guard = guard;
        this.source = source;
        this.paced = paced;
    }

    @Override
    public SourcePage readChanges(SourceCursor after, int limit) {
        return guard.call("readChanges", paced, () -> source.readChanges(after, limit));
    }

    @Override
    public List<SourceRow> readByKeys(Collection<String> keys) {
        return guard.call("readByKeys", paced, () -> source.readByKeys(keys));
    }

    @Override
    public SourceCursor head() {
        return guard.call("head", paced, source::head);
    }

    @Override
    public SourcePage readKeyRange(String afterKey, String lastKey, int limit) {
        return guard.call("readKeyRange", paced, () -> source.readKeyRange(afterKey, lastKey, limit));
    }

    @Override
    public List<String> chunkBoundaries(String firstKey, String lastKey, int rowsPerChunk) {
        return guard.call("chunkBoundaries", paced, () -> source.chunkBoundaries(firstKey, lastKey, rowsPerChunk));
    }
}
