package dev.accord.core.contract;

import java.util.Map;
import java.util.Optional;

/**
 * Where and how one system stores one domain.
 *
 * @param domain canonical domain name
 * @param table table (JDBC systems), may be schema-qualified
 * @param endpoint path below the base URL (HTTP systems)
 * @param path file or directory (file systems)
 * @param cursor column read incrementally, with the key as tie-break
 * @param outbox outbox table read by its monotonic sequence, instead of the cursor column
 * @param versionColumn column that Accord compares and sets on every write (compare-and-set)
 * @param delete how tombstones land: a soft-delete column or removal of the row
 * @param softDeleteColumn the timestamp column a soft delete sets
 * @param fields canonical field name to its local mapping
 * @param http how an http system serves the domain (paging, records, by-key reads, writes); null for other kinds
 * @param file format, encoding and delimiter of a file system's files; null for other kinds
 * @param reads the canonical fields this system, as a consumer, declares it relies on; empty when none
 * @param schemaVersion the version of the domain's schema this system produces, when it lags behind the
 *     contract's (its records are validated at ingress against that registered version); null for the contract's
 * @param localKey the system's own ids for this domain; null when the system stores the canonical id in the column
 *     mapped to the domain's key field
 */
public record DomainMapping(
        String domain,
        String table,
        String endpoint,
        String path,
        String cursor,
        Outbox outbox,
        String versionColumn,
        DeleteMode delete,
        String softDeleteColumn,
        Map<String, FieldMapping> fields,
        HttpMapping http,
        FileMapping file,
        Map<String, ConsumerRead> reads,
        Integer schemaVersion,
        LocalKey localKey) {

    public DomainMapping {
        fields = Map.copyOf(fields);
        reads = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(reads));
    }

    /** An outbox table: one row per change, in the order of a monotonic sequence column. */
    public record Outbox(String table, String sequence, String keyColumn, String operationColumn) {}

    /** Whether the system keeps its own ids for this domain, linked to canonical ids through the cross-reference. */
    public boolean ownsIds() {
        return localKey != null;
    }

    /** The column that holds a record's id in this system: its own id column, or the column of the domain's key field. */
    public String keyColumn(String domainKeyField) {
        if (localKey != null) {
            return localKey.column();
        }
        FieldMapping key = fields.get(domainKeyField);
        return key == null ? null : key.column();
    }

    public Optional<FieldMapping> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    public boolean maps(String field) {
        return fields.containsKey(field);
    }
}
