package dev.accord.connectors.jdbc;

import dev.accord.connectors.SourceConnector;
import dev.accord.connectors.SourceCursor;
import dev.accord.connectors.SourcePage;
import dev.accord.connectors.SourceRow;
import dev.accord.core.failure.InvalidRequestException;
import java.time.Clock;
import java.util.Collection;
import java.util.List;

/**
 * Reads one domain from one system's table: changes in pages from its cursor column (key as tie-break)
 * or, when the mapping names one, from its outbox; and current rows by key. Read-only and stateless, so
 * one instance serves every activity thread and any call may be repeated.
 */
final class JdbcSource implements SourceConnector {

    private final RowReader rows;
    private final Clock clock;
    private final ChangeFeed feed;
    private final KeyRangeReader ranges;

    JdbcSource(MappedTable table, Clock clock) {
        this.clock = clock;
        this.rows = new RowReader(table, clock);
        this.ranges = new KeyRangeReader(table, rows);
        if (table.mapping().outbox() != null) {
            this.feed = new OutboxFeed(table, rows, clock);
        } else if (table.mapping().cursor() != null) {
            this.feed = new CursorFeed(table, rows);
        } else {
            throw new MappingConfigurationException(table.describe() + " has neither a cursor column nor an outbox;"
                    + " add 'cursor: <column>' or an 'outbox:' to the mapping of domain '" + table.mapping().domain() + "' to read it");
        }
    }

    @Override
    public SourcePage readChanges(SourceCursor after, int limit) {
        if (limit < 1) {
            throw new InvalidRequestException("a page holds at least one row; asked for " + limit);
        }
        return feed.read(after == null ? SourceCursor.BEGINNING : after, limit);
    }

    @Override
    public List<SourceRow> readByKeys(Collection<String> keys) {
        return rows.sourcesByKeys(keys);
    }

    @Override
    public SourceCursor head() {
        return feed.head();
    }

    @Override
    public SourcePage readKeyRange(String afterKey, String lastKey, int limit) {
        if (limit < 1) {
            throw new InvalidRequestException("a page holds at least one row; asked for " + limit);
        }
        return ranges.read(afterKey, lastKey, limit);
    }

    @Override
    public List<String> chunkBoundaries(String firstKey, String lastKey, int rowsPerChunk) {
        return ranges.boundaries(firstKey, lastKey, rowsPerChunk);
    }
}
