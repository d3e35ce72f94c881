package dev.accord.connectors.jdbc;

import java.util.List;

/**
 * One write as SQL: the statement, its parameters in order, and the version the row holds when the
 * statement touches it (null when it removes the row).
 *
 * @param insert true for an insert-if-absent, whose existing key may be reported by a duplicate-key error
 * @param keyExists for an insert, a query of one bound key telling whether its row exists (a duplicate-key error
 *     may come from another UNIQUE index: that is the row's data refused, not a conflict); null otherwise
 * @param assigned for a create in a table whose database assigns the ids: how the new row's id is found (an
 *     earlier attempt's row, or the one the insert generated); null for every other write
 */
record PlannedWrite(String sql, List<Parameter> parameters, Long newVersion, boolean insert, String keyExists, Assigned assigned) {

    PlannedWrite(String sql, List<Parameter> parameters, Long newVersion, boolean insert) {
        this(sql, parameters, newVersion, insert, null, null);
    }

    PlannedWrite(String sql, List<Parameter> parameters, Long newVersion, boolean insert, String keyExists) {
        this(sql, parameters, newVersion, insert, keyExists, null);
    }

    /** A value and the column whose type it is bound as. */
    record Parameter(Object value, Column column) {}

    /**
     * The insert ({@link #sql}) leaves the key column out for the database to fill.
     *
     * @param keyColumn the key column's name as the database stores it, asked back from the insert as a generated key
     * @param lookup a query of the key column of the rows whose external-id column holds the bound canonical id
     * @param externalId the canonical id, bound as the external-id column's type
     */
    record Assigned(String keyColumn, String lookup, Parameter externalId) {}

    PlannedWrite {
        parameters = List.copyOf(parameters);
    }
}
