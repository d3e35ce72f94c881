package dev.accord.connectors.jdbc;

import dev.accord.connectors.ColumnDrift;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Compares a source table's columns as they are now with its baseline, the shape the connector read the first time
 * it was used. A column drifted when it is gone, or when Accord would read it as another kind of value (integer,
 * text, timestamp, …); a change that keeps the kind ({@code int} to {@code bigint}, {@code varchar(50)} to
 * {@code varchar(100)}) reads the same values and is no drift. Drift of a column that orders or selects the rows
 * (cursor, key, outbox sequence), and any column that is gone, stops reading; other columns are read as their
 * baseline kind, value by value ({@link DriftedValues}).
 *
 * @param table the table as the contract names it
 * @param baseline each watched column as first read
 * @param columns the columns the feed reads, as the contract names them
 * @param ordering those among them that order the rows or are bound to select them
 */
record SchemaDrift(String table, Function<String, Column> baseline, List<String> columns, Set<String> ordering) {

    SchemaDrift {
        Set<String> ignoringCase = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        ignoringCase.addAll(ordering);
        ordering = ignoringCase;
    }

    /** The watched columns that drifted between the baseline and {@code now}, in the order they are read. */
    List<ColumnDrift> against(TableShape now) {
        List<ColumnDrift> drift = new ArrayList<>();
        for (String name : columns) {
            Column was = baseline.apply(name);
            Column is = now.column(name).orElse(null);
            if (is == null || is.kind() != was.kind()) {
                drift.add(between(name, was, is));
            }
        }
        return drift;
    }

    /** Whether reading cannot go on with this drift: the column is gone, or it orders or selects the rows. */
    boolean stopsReading(ColumnDrift drift) {
        return drift.now() == null || ordering.contains(drift.column());
    }

    static ColumnDrift between(String contractColumn, Column was, Column now) {
        return new ColumnDrift(contractColumn, type(was), now == null ? null : type(now));
    }

    /** {@code integer (int4)}: how Accord reads it, and what the database calls it. */
    static String type(Column column) {
        return column.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " (" + column.typeName() + ")";
    }
}
