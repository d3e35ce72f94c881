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

    /**
     * For backfills: up to {@code limit} current rows with a key after {@code afterKey} (null: from the
     * first) and up to {@code lastKey} inclusive (null: to the last), in key order. The page's next cursor
     * holds the last key read (its position is null).
     */
    SourcePage readKeyRange(String afterKey, String lastKey, int limit);

    /**
     * Keys that split the source into chunks of about {@code rowsPerChunk} rows, in key order: every
     * {@code rowsPerChunk}-th key between {@code firstKey} (exclusive, null: from the first) and
     * {@code lastKey} (inclusive, null: to the last).
     */
    List<String> chunkBoundaries(String firstKey, String lastKey, int rowsPerChunk);
}
