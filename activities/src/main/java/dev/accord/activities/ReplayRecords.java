package dev.accord.activities;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.accord.connectors.SourceRow;
import dev.accord.core.page.SourceRecord;
import dev.accord.store.QuarantineLog;
import dev.accord.store.StoreJson;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The records behind ingress quarantine entries, as the flow's source holds them now, one per key however many
 * entries it has: read again by key, or, when the source no longer has the key, rebuilt from the newest entry's
 * stored payload (the row's columns as first read), with the source version of its dedup key and the time it was
 * first quarantined as its timestamp (the change happened no later than that).
 */
final class ReplayRecords {

    private static final TypeReference<LinkedHashMap<String, Object>> COLUMNS = new TypeReference<>() {};

    /** One record to replay and the entries it answers for. {@code fromSource} is false for a stored payload. */
    record Group(String key, List<QuarantineLog.Stored> entries, SourceRecord record, boolean fromSource) {}

    private ReplayRecords() {}

    /** Groups entries by key (an entry without a key stands alone) in id order. */
    static Map<String, List<QuarantineLog.Stored>> byKey(List<QuarantineLog.Stored> entries) {
        Map<String, List<QuarantineLog.Stored>> groups = new LinkedHashMap<>();
        for (QuarantineLog.Stored entry : entries) {
            String group = entry.entry().key() == null ? "#" + entry.id() : "=" + entry.entry().key();
            groups.computeIfAbsent(group, g -> new ArrayList<>()).add(entry);
        }
        return groups;
    }

    /** @param rows what the source holds now of the groups' keys */
    static List<Group> of(Map<String, List<QuarantineLog.Stored>> groups, List<SourceRow> rows) {
        Map<String, SourceRow> byKey = new HashMap<>();
        rows.forEach(r -> byKey.put(r.key(), r));
        List<Group> records = new ArrayList<>();
        for (List<QuarantineLog.Stored> entries : groups.values()) {
            String key = entries.get(0).entry().key();
            SourceRow row = key == null ? null : byKey.get(key);
            records.add(row != null
                    ? new Group(key, entries, new SourceRecord(row.key(), row.sourceVersion(), row.timestamp(), row.deleted(),
                            row.columns(), row.malformed()), true)
                    : new Group(key, entries, fromPayload(entries.get(entries.size() - 1)), false));
        }
        return records;
    }

    private static SourceRecord fromPayload(QuarantineLog.Stored newest) {
        QuarantineLog.Entry entry = newest.entry();
        Map<String, Object> columns = StoreJson.read(entry.payloadJson(), COLUMNS);
        return new SourceRecord(entry.key(), sourceVersion(entry.dedupKey()), newest.firstSeen(), false, columns);
    }

    /** The version part of an ingress dedup key ({@code system|domain|version|key}); 0 when it has none. */
    static long sourceVersion(String dedupKey) {
        String[] parts = dedupKey.split("\\|", 4);
        try {
            return parts.length == 4 ? Long.parseLong(parts[2]) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
