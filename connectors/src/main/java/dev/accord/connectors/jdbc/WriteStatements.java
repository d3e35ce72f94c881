package dev.accord.connectors.jdbc;

import dev.accord.connectors.TargetWrite;
import dev.accord.core.contract.DeleteMode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns each compare-and-set write into its statement. Every statement that finds the row bumps the
 * version column by one; every one checks the expected version, so a row someone changed since Accord
 * read it is left alone and reported as a conflict. A NULL version counts as 0 (rows created outside Accord).
 *
 * <p>A table whose database assigns the ids ({@code key: {assigned: true, external-id: …}}) gets its new rows
 * from a create whose key is the canonical id: the insert leaves the key column out and puts the canonical id
 * in the external-id column, and comes with the query that finds a row an earlier attempt inserted under that
 * canonical id ({@link PlannedWrite.Assigned}).
 */
final class WriteStatements {

    private final MappedTable table;

    WriteStatements(MappedTable table) {
        this.table = table;
        if (table.mapping().versionColumn() == null) {
            throw new MappingConfigurationException(table.describe() + " has no version-column; Accord writes a table only"
                    + " with compare-and-set, so name the column it may bump on every write");
        }
    }

    PlannedWrite plan(TargetWrite write) {
        if (write.kind() != TargetWrite.Kind.UPSERT && write.expectedVersion() == null) {
            throw new IllegalArgumentException(write.kind() + " of key '" + write.key() + "' needs the row's expected version");
        }
        return switch (write.kind()) {
            case UPSERT -> write.expectedVersion() == null ? (assignsId(write) ? assignedInsert(write) : insert(write)) : update(write);
            case DELETE -> table.mapping().delete() == DeleteMode.SOFT ? markDeleted(write, OffsetDateTime.now(ZoneOffset.UTC)) : remove(write);
            case REMOVE -> remove(write);
            case UNDELETE -> markDeleted(write, null);
        };
    }

    private PlannedWrite update(TargetWrite write) {
        List<PlannedWrite.Parameter> parameters = new ArrayList<>();
        StringBuilder sets = new StringBuilder();
        for (Map.Entry<String, Object> value : values(write).entrySet()) {
            sets.append(table.q(value.getKey())).append(" = ?, ");
            parameters.add(new PlannedWrite.Parameter(value.getValue(), table.column(value.getKey())));
        }
        return compareAndSet("UPDATE " + table.table() + " SET " + sets + bump(), parameters, write, write.expectedVersion() + 1);
    }

    private PlannedWrite insert(TargetWrite write) {
        List<String> columns = new ArrayList<>(List.of(table.q(table.keyColumn())));
        List<PlannedWrite.Parameter> parameters = new ArrayList<>(List.of(key(write)));
        values(write).forEach((column, value) -> {
            columns.add(table.q(column));
            parameters.add(new PlannedWrite.Parameter(value, table.column(column)));
        });
        columns.add(table.q(table.mapping().versionColumn()));
        parameters.add(new PlannedWrite.Parameter(1L, table.column(table.mapping().versionColumn())));
        String sql = table.dialect().insertIfAbsent(table.table(), table.q(table.keyColumn()), columns);
        return new PlannedWrite(sql, parameters, 1L, true, "SELECT 1 FROM " + table.table() + " WHERE " + table.q(table.keyColumn()) + " = ?");
    }

    /**
     * Whether this create carries the canonical id, for a row the database is to give an id: the table's database
     * assigns the ids and the write's external-id column (when it has one) holds its key. A create whose external-id
     * column holds another value carries a row's own id (a record linked here already) and is inserted with it.
     */
    private boolean assignsId(TargetWrite write) {
        dev.accord.core.contract.LocalKey local = table.mapping().localKey();
        if (local == null || !local.assigned()) {
            return false;
        }
        return write.columns().entrySet().stream().filter(c -> c.getKey().equalsIgnoreCase(local.externalId())).findFirst()
                .map(c -> c.getValue() == null || c.getValue().toString().equals(write.key())).orElse(true);
    }

    /**
     * A create in a table whose database assigns the ids: an insert without the key column, the canonical id (the
     * write's key) in the external-id column, and the query that finds a row already holding that canonical id.
     */
    private PlannedWrite assignedInsert(TargetWrite write) {
        String externalId = table.mapping().localKey().externalId();
        if (externalId == null) {
            throw new MappingConfigurationException(table.describe() + " assigns its own ids but names no external-id column;"
                    + " without one a row inserted just before a crash could not be found again");
        }
        List<String> columns = new ArrayList<>();
        List<PlannedWrite.Parameter> parameters = new ArrayList<>();
        Map<String, Object> values = values(write);
        values.keySet().removeIf(c -> c.equalsIgnoreCase(externalId));
        values.put(externalId, write.key());
        values.forEach((column, value) -> {
            columns.add(table.q(column));
            parameters.add(new PlannedWrite.Parameter(value, table.column(column)));
        });
        columns.add(table.q(table.mapping().versionColumn()));
        parameters.add(new PlannedWrite.Parameter(1L, table.column(table.mapping().versionColumn())));
        String sql = "INSERT INTO " + table.table() + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")";
        String lookup = "SELECT " + table.q(table.keyColumn()) + " FROM " + table.table() + " WHERE " + table.q(externalId)
                + " = ? ORDER BY " + table.q(table.keyColumn());
        PlannedWrite.Assigned assigned = new PlannedWrite.Assigned(table.column(table.keyColumn()).name(), lookup,
                new PlannedWrite.Parameter(write.key(), table.column(externalId)));
        return new PlannedWrite(sql, parameters, 1L, true, null, assigned);
    }

    /** Sets ({@code at} a time) or clears ({@code at} null) the soft-delete column. */
    private PlannedWrite markDeleted(TargetWrite write, OffsetDateTime at) {
        String softDelete = table.mapping().softDeleteColumn();
        if (softDelete == null) {
            throw new MappingConfigurationException(table.describe() + " has no soft-delete-column to " + (at == null ? "clear" : "set")
                    + " for " + write.kind() + " of key '" + write.key() + "'");
        }
        List<PlannedWrite.Parameter> parameters = new ArrayList<>(List.of(new PlannedWrite.Parameter(at, table.column(softDelete))));
        return compareAndSet("UPDATE " + table.table() + " SET " + table.q(softDelete) + " = ?, " + bump(), parameters, write,
                write.expectedVersion() + 1);
    }

    private PlannedWrite remove(TargetWrite write) {
        return compareAndSet("DELETE FROM " + table.table(), new ArrayList<>(), write, null);
    }

    private PlannedWrite compareAndSet(String statement, List<PlannedWrite.Parameter> parameters, TargetWrite write, Long newVersion) {
        Column version = table.column(table.mapping().versionColumn());
        parameters.add(key(write));
        parameters.add(new PlannedWrite.Parameter(write.expectedVersion(), version));
        String sql = statement + " WHERE " + table.q(table.keyColumn()) + " = ? AND " + currentVersion() + " = ?";
        return new PlannedWrite(sql, parameters, newVersion, false);
    }

    private String bump() {
        return table.q(table.mapping().versionColumn()) + " = " + currentVersion() + " + 1";
    }

    private String currentVersion() {
        return "COALESCE(" + table.q(table.mapping().versionColumn()) + ", 0)";
    }

    private PlannedWrite.Parameter key(TargetWrite write) {
        return new PlannedWrite.Parameter(write.key(), table.column(table.keyColumn()));
    }

    /** The columns to write: the key is set from the write's key and the version by Accord, never from the values. */
    private Map<String, Object> values(TargetWrite write) {
        Map<String, Object> values = new LinkedHashMap<>(write.columns());
        values.keySet().removeIf(c -> c.equalsIgnoreCase(table.keyColumn()) || c.equalsIgnoreCase(table.mapping().versionColumn()));
        return values;
    }
}
