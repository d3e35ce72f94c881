package dev.accord.connectors.jdbc;

import dev.accord.connectors.ColumnDrift;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the selected columns of one query's rows as portable values, checking at no extra cost that the schema has
 * not drifted: on the first row it compares the result's own metadata with the baseline. A column that orders or
 * selects the rows and is read as another kind now stops the read ({@link MappedTable#drifted}). Any other drifted
 * column is read as it is now and converted to its baseline kind value by value ({@link DriftedValues}); a value
 * that does not convert makes that column unreadable in that row, and its value travels as text for quarantine.
 * One instance per query: it remembers the first row's findings.
 */
final class PageReader implements Queries.RowMapper<RowValues> {

    private final MappedTable table;
    private final List<String> selected;
    private final SchemaDrift watched;
    private Column[] drifted;
    private List<ColumnDrift> drift;

    PageReader(MappedTable table, SchemaDrift watched) {
        this.table = table;
        this.selected = watched.columns();
        this.watched = watched;
    }

    @Override
    public RowValues map(ResultSet row) throws SQLException {
        if (drifted == null) {
            inspect(row.getMetaData());
        }
        Map<String, Object> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Map<String, String> unreadable = new LinkedHashMap<>();
        for (int i = 0; i < selected.size(); i++) {
            String name = selected.get(i);
            Column was = watched.baseline().apply(name);
            if (drifted[i] == null) {
                values.put(name, JdbcValues.portable(row, i + 1, was));
                continue;
            }
            Object now = JdbcValues.portable(row, i + 1, drifted[i]);
            try {
                values.put(name, now == null ? null : DriftedValues.as(now, was));
            } catch (IllegalArgumentException | ArithmeticException | DateTimeException e) {
                values.put(name, JdbcValues.text(now));
                unreadable.put(name, SchemaDrift.between(name, was, drifted[i]).describe() + "; this value does not read as "
                        + was.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '));
            }
        }
        return new RowValues(values, unreadable, drift);
    }

    private void inspect(ResultSetMetaData meta) throws SQLException {
        drifted = new Column[selected.size()];
        List<ColumnDrift> found = new ArrayList<>();
        for (int i = 0; i < selected.size(); i++) {
            Column was = watched.baseline().apply(selected.get(i));
            ValueKind kind = TableShape.kindAt(meta, i + 1, table.dialect());
            if (kind != was.kind()) {
                drifted[i] = new Column(was.name(), meta.getColumnType(i + 1), meta.getColumnTypeName(i + 1), kind, was.zone());
                ColumnDrift columnDrift = SchemaDrift.between(selected.get(i), was, drifted[i]);
                if (watched.stopsReading(columnDrift)) {
                    throw table.drifted(watched.table(), columnDrift, null);
                }
                table.noticed(watched.table(), columnDrift);
                found.add(columnDrift);
            }
        }
        drift = List.copyOf(found);
    }
}
