package dev.accord.connectors.http;

import dev.accord.connectors.TargetConnector;
import dev.accord.connectors.TargetRow;
import dev.accord.connectors.TargetWrite;
import dev.accord.connectors.WriteResult;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one domain to an http API, one conditional request per write ({@link HttpWrites}). An API has no
 * transactions: {@link #apply} sends the writes in list order and reports each one's result; a stale
 * precondition ({@code 412}, {@code 409}) or a vanished record ({@code 404}) is that write's
 * {@link WriteResult.Status#CONFLICT}, and the caller re-reads, re-resolves and retries that record only. Any
 * other failure throws after the writes before it have landed; the retry re-reads and finds those in place.
 * The ETags read by {@link #readByKeys} are kept, so a write expecting the version just read sends the ETag
 * that came with it. In a system that assigns its own ids, a create's key is the canonical id and its result carries
 * the id the system gave the record ({@link HttpWrites}); the ETag it came with is kept under that id.
 */
final class HttpTarget implements TargetConnector {

    private final JsonRecords records;
    private final KeyReader keys;
    private final HttpWrites writes;
    private final EtagCache etags = new EtagCache(50_000);

    HttpTarget(JsonRecords records, KeyReader keys, HttpWrites writes) {
        this.records = records;
        this.keys = keys;
        this.writes = writes;
    }

    @Override
    public Map<String, TargetRow> readByKeys(Collection<String> keyList) {
        Map<String, TargetRow> rows = new LinkedHashMap<>();
        keys.read(keyList, true).forEach((key, found) -> {
            TargetRow row = records.targetRow(found.record(), found.etagHeader());
            etags.put(key, row.version(), records.etag(found.record(), found.etagHeader()));
            rows.put(key, row);
        });
        return rows;
    }

    @Override
    public List<WriteResult> apply(List<TargetWrite> list) {
        List<WriteResult> results = new ArrayList<>(list.size());
        Map<String, String> chained = new HashMap<>();
        for (TargetWrite write : list) {
            results.add(writes.write(write, chained, etags));
        }
        return results;
    }

    /** The ETags last read or written, by key and the version they stand for; bounded, oldest dropped first. */
    static final class EtagCache {

        private final Map<String, Object[]> entries;

        EtagCache(int capacity) {
            this.entries = java.util.Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Object[]> eldest) {
                    return size() > capacity;
                }
            });
        }

        void put(String key, long version, String etag) {
            if (etag == null) {
                entries.remove(key);
            } else {
                entries.put(key, new Object[] {version, etag});
            }
        }

        /** The ETag that stands for {@code version} of {@code key}, or null when none is known. */
        String get(String key, long version) {
            Object[] entry = entries.get(key);
            return entry != null && (long) entry[0] == version ? (String) entry[1] : null;
        }

        void remove(String key) {
            entries.remove(key);
        }
    }
}
