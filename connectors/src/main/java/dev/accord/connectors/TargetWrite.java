package dev.accord.connectors;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One compare-and-set write to a target row.
 *
 * @param key the record's key as text
 * @param expectedVersion the version Accord last read; null when Accord expects the row to be absent
 * @param kind upsert the given columns, delete per the mapping's delete mode, or restore a before-image
 * @param columns column name to value (Java/JDBC types: String, Long, BigDecimal, Boolean,
 *     OffsetDateTime, LocalDate, or null); the key column is set by the connector
 */
public record TargetWrite(String key, Long expectedVersion, Kind kind, Map<String, Object> columns) {

    public TargetWrite {
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    }

    public enum Kind {
        /** Update the given columns (or insert the row when {@code expectedVersion} is null). */
        UPSERT,
        /** Soft-delete (set the soft-delete column) or remove the row, per the mapping. */
        DELETE,
        /** Remove the row outright whatever the delete mode: undoes an insert during rollback. */
        REMOVE,
        /** Clear the soft-delete column: undoes a soft delete during rollback. */
        UNDELETE
    }
}
