package dev.accord.connectors.jdbc;

import java.util.List;

/**
 * One write as SQL: the statement, its parameters in order, and the version the row holds when the
 * statement touches it (null when it removes the row).
 *
 * @param insert true for an insert-if-absent, whose existing key may be reported by a duplicate-key error
 * @param keyExists for an insert, a query of one bound key telling whether its row exists (a duplicate-key error
 *     may come from another UNIQUE index: that is the row's data refused, not a conflict); null otherwise
 */
record PlannedWrite(String sql, List<Parameter> parameters, Long newVersion, boolean insert, String keyExists) {

    PlannedWrite(String sql, List<Parameter> parameters, Long newVersion, boolean insert) {
        this(sql, parameters, newVersion, insert, null);
    }

    /** A value and the column whose type it is bound as. */
    record Parameter(Object value, Column column) {}

    PlannedWrite {
        parameters = List.copyOf(parameters);
    }
}
