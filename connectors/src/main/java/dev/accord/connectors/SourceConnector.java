package dev.accord.connectors;

import java.util.Collection;
import java.util.List;

/** Reads one domain's changes from one system. Implementations are safe to call again with the same cursor. */
public interface SourceConnector {

    /** Up to {@code limit} changed rows after {@code after}, ordered by cursor then key. */
    SourcePage readChanges(SourceCursor after, int limit);

    /** The current state of the given keys; keys that do not exist are absent from the result. */
    List<SourceRow> readByKeys(Collection<String> keys);

    /** The newest position in the source, for measuring lag; {@link SourceCursor#BEGINNING} when empty. */
    SourceCursor head();
}
