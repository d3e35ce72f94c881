package dev.accord.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.accord.connectors.TargetRow;
import dev.accord.connectors.TargetWrite;
import dev.accord.core.mapping.RecordMapper;
import dev.accord.core.record.CanonicalRecord;
import dev.accord.core.record.FieldValue;
import dev.accord.core.record.Values;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Decides the compare-and-set writes that bring one target row in line with its golden record. Only
 * fields whose golden value differs from the row are written; a missing row gets every mapped field; a
 * deleted golden record deletes the row; a live one brings a soft-deleted row back.
 */
final class DeliveryPlanner {

    private final RecordMapper mapper;
    private final String keyField;

    DeliveryPlanner(RecordMapper mapper, String keyField) {
        this.mapper = mapper;
        this.keyField = keyField;
    }

    /**
     * @param changedFields the fields that changed in the hub; a present row gets only these (if they differ)
     * @param row the target's row, null when absent
     */
    PlannedDelivery plan(CanonicalRecord golden, Collection<String> changedFields, TargetRow row) {
        String key = golden.key();
        Long version = row == null ? null : row.version();
        if (golden.isNew()) {
            return PlannedDelivery.unchanged(key, version);
        }
        if (golden.deleted()) {
            if (row == null || row.deleted()) {
                return PlannedDelivery.unchanged(key, version);
            }
            TargetWrite delete = new TargetWrite(key, row.version(), TargetWrite.Kind.DELETE, Map.of());
            return new PlannedDelivery(key, "delete", List.of(delete), rowValues(row, targetFields()), null, version,
                    localValues(key, row, targetFields()));
        }
        if (row == null) {
            Map<String, JsonNode> all = goldenValues(golden, targetFields());
            return new PlannedDelivery(key, "insert", List.of(upsert(key, null, all)), null, all, null, null);
        }
        if (row.deleted()) {
            Map<String, JsonNode> all = goldenValues(golden, targetFields());
            List<TargetWrite> writes = List.of(new TargetWrite(key, row.version(), TargetWrite.Kind.UNDELETE, Map.of()),
                    upsert(key, row.version() + 1, all));
            return new PlannedDelivery(key, "undelete", writes, rowValues(row, targetFields()), all, version,
                    localValues(key, row, targetFields()));
        }
        Map<String, JsonNode> current = rowValues(row, targetFields());
        Map<String, JsonNode> differing = new TreeMap<>();
        for (String field : changedFields) {
            if (targetFields().contains(field)) {
                JsonNode wanted = mapper.asStored(field, value(golden, field));
                if (!Values.same(wanted, current.get(field))) {
                    differing.put(field, wanted);
                }
            }
        }
        if (differing.isEmpty()) {
            return PlannedDelivery.unchanged(key, version);
        }
        Map<String, JsonNode> before = new TreeMap<>();
        differing.keySet().forEach(f -> before.put(f, current.getOrDefault(f, NullNode.getInstance())));
        return new PlannedDelivery(key, "update", List.of(upsert(key, row.version(), differing)), before, differing, version,
                localValues(key, row, differing.keySet()));
    }

    /** The canonical values a target row holds for {@code fields} (unreadable values count as empty). */
    Map<String, JsonNode> rowValues(TargetRow row, Collection<String> fields) {
        Map<String, JsonNode> canonical = mapper.toCanonical(row.columns()).fields();
        Map<String, JsonNode> values = new TreeMap<>();
        fields.forEach(f -> values.put(f, canonical.getOrDefault(f, NullNode.getInstance())));
        return values;
    }

    /** The row's own values of the columns that hold {@code fields}, exactly as the target stores them. */
    Map<String, Object> localValues(String key, TargetRow row, Collection<String> fields) {
        Map<String, JsonNode> none = new TreeMap<>();
        fields.forEach(f -> none.put(f, NullNode.getInstance()));
        Map<String, Object> local = new LinkedHashMap<>();
        for (String column : mapper.toLocal(key, none).keySet()) {
            if (!column.equals(mapper.keyColumn())) {
                local.put(column, row.columns().get(column));
            }
        }
        return local;
    }

    TargetWrite upsert(String key, Long expectedVersion, Map<String, JsonNode> values) {
        Map<String, Object> columns = new LinkedHashMap<>(mapper.toLocal(key, values));
        columns.remove(mapper.keyColumn());
        return new TargetWrite(key, expectedVersion, TargetWrite.Kind.UPSERT, columns);
    }

    /** A canonical value as the target will hold it (rounded where its mapping says so). */
    JsonNode asStored(String field, JsonNode value) {
        return mapper.asStored(field, value);
    }

    Set<String> targetFields() {
        Set<String> fields = new java.util.TreeSet<>(mapper.mappedFields());
        fields.remove(keyField);
        return fields;
    }

    /** The golden values of {@code fields} as the target will hold them (rounded where its mapping says so). */
    private Map<String, JsonNode> goldenValues(CanonicalRecord golden, Collection<String> fields) {
        Map<String, JsonNode> values = new TreeMap<>();
        fields.forEach(f -> values.put(f, mapper.asStored(f, value(golden, f))));
        return values;
    }

    private static JsonNode value(CanonicalRecord golden, String field) {
        FieldValue value = golden.field(field);
        return value == null || value.value() == null ? NullNode.getInstance() : value.value();
    }
}
