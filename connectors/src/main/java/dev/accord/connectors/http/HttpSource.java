package dev.accord.connectors.http;

import dev.accord.core.failure.InvalidRequestException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.accord.connectors.SourceConnector;
import dev.accord.connectors.SourceCursor;
import dev.accord.connectors.SourcePage;
import dev.accord.connectors.SourceRow;
import dev.accord.connectors.jdbc.MappingConfigurationException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Reads one domain from an http API: changes after a position through its change feed ({@link ChangeLister}),
 * current records by key ({@link KeyReader}), and for backfills key ranges of the full listing. Stateless
 * apart from the newest position seen, which stands in for the source's head (an API has no cheap query for
 * it); one instance serves every activity thread.
 */
final class HttpSource implements SourceConnector {

    private final JsonRecords records;
    private final ChangeLister changes;
    private final KeyReader keys;
    private final Positions positions;

    HttpSource(JsonRecords records, ChangeLister changes, KeyReader keys, Positions positions) {
        if (records.mapping().cursor() == null) {
            throw new MappingConfigurationException("http domain '" + records.mapping().domain() + "' has no cursor property;"
                    + " add 'cursor: <property>' (e.g. updated_at) to its mapping to read changes from it");
        }
        this.records = records;
        this.changes = changes;
        this.keys = keys;
        this.positions = positions;
    }

    @Override
    public SourcePage readChanges(SourceCursor after, int limit) {
        if (limit < 1) {
            throw new InvalidRequestException("a page holds at least one row; asked for " + limit);
        }
        return changes.read(after == null ? SourceCursor.BEGINNING : after, limit);
    }

    @Override
    public List<SourceRow> readByKeys(Collection<String> keyList) {
        return keys.read(keyList, false).values().stream().map(f -> records.sourceRow(f.record())).toList();
    }

    @Override
    public SourceCursor head() {
        return changes.newestSeen();
    }

    @Override
    public SourcePage readKeyRange(String afterKey, String lastKey, int limit) {
        List<JsonNode> inRange = byKey(afterKey, lastKey);
        List<SourceRow> rows = inRange.stream().limit(limit).map(records::sourceRow).toList();
        String last = rows.isEmpty() ? afterKey : rows.get(rows.size() - 1).key();
        return new SourcePage(rows, new SourceCursor(null, last), inRange.size() > limit);
    }

    @Override
    public List<String> chunkBoundaries(String firstKey, String lastKey, int rowsPerChunk) {
        List<JsonNode> inRange = byKey(firstKey, lastKey);
        List<String> boundaries = new ArrayList<>();
        for (int i = rowsPerChunk - 1; i < inRange.size(); i += rowsPerChunk) {
            boundaries.add(records.key(inRange.get(i)));
        }
        return boundaries;
    }

    private List<JsonNode> byKey(String afterKey, String lastKey) {
        return changes.all().stream().filter(r -> records.key(r) != null)
                .filter(r -> afterKey == null || positions.compareValues(records.key(r), afterKey, false) > 0)
                .filter(r -> lastKey == null || positions.compareValues(records.key(r), lastKey, false) <= 0)
                .sorted(Comparator.comparing(records::key, (a, b) -> positions.compareValues(a, b, false)))
                .toList();
    }
}
