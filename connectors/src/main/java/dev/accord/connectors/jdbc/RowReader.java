package dev.accord.connectors.jdbc;

import dev.accord.connectors.SourceRow;
import dev.accord.connectors.TargetRow;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads rows of a mapped table: the mapped columns plus the bookkeeping ones (cursor, version, soft
 * delete), as {@link SourceRow}s with portable values or {@link TargetRow}s with driver values. Column
 * maps are keyed by the names the contract writes, whatever case the database stores them in.
 */
final class RowReader {

    static final int KEYS_PER_STATEMENT = 500;

    private final MappedTable table;
    private final List<String> selected;

    RowReader(MappedTable table) {
        this.table = table;
        Map<String, String> distinct = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Stream.concat(table.mappedColumns().stream(), Stream.of(table.mapping().cursor(), table.mapping().versionColumn(),
                table.mapping().softDeleteColumn())).filter(c -> c != null).forEach(c -> distinct.putIfAbsent(c, c));
        this.selected = List.copyOf(distinct.values());
    }

    /** The selected columns, quoted, for a {@code SELECT} list. */
    String selectList() {
        return selected.stream().map(table::q).collect(Collectors.joining(", "));
    }

    /** The selected columns' portable values by contract name, looked up ignoring case. */
    Map<String, Object> portable(ResultSet row) throws SQLException {
        Map<String, Object> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < selected.size(); i++) {
            values.put(selected.get(i), JdbcValues.portable(row, i + 1, table.column(selected.get(i))));
        }
        return values;
    }

    /** A source row; its time is the cursor's when that is a timestamp, else now. */
    SourceRow source(Map<String, Object> values) {
        String cursor = table.mapping().cursor();
        Instant time = cursor == null ? null : JdbcValues.instant(values.get(cursor), table.column(cursor));
        return new SourceRow(JdbcValues.text(values.get(table.keyColumn())), sourceVersion(values, time),
                time == null ? Instant.now() : time, isDeleted(values), mapped(values));
    }

    /** The version column's value, else the cursor timestamp in microseconds, else a numeric cursor's value. */
    private long sourceVersion(Map<String, Object> values, Instant time) {
        String versionColumn = table.mapping().versionColumn();
        if (versionColumn != null && values.get(versionColumn) != null) {
            return number(values.get(versionColumn));
        }
        if (time != null) {
            return ChronoUnit.MICROS.between(Instant.EPOCH, time);
        }
        String cursor = table.mapping().cursor();
        return cursor != null && values.get(cursor) instanceof Number n ? n.longValue() : 0;
    }

    /**
     * A target row with portable values (the same as a source row's), so its before-image survives a trip
     * through JSON into the change log and can be written back exactly; a NULL version counts as 0.
     */
    TargetRow target(ResultSet row) throws SQLException {
        Map<String, Object> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        values.putAll(portable(row));
        Object version = values.get(table.mapping().versionColumn());
        return new TargetRow(JdbcValues.text(values.get(table.keyColumn())), version == null ? 0 : number(version),
                isDeleted(values), mapped(values));
    }

    List<SourceRow> sourcesByKeys(Collection<String> keys) {
        return byKeys(keys, row -> source(portable(row)));
    }

    List<TargetRow> targetsByKeys(Collection<String> keys) {
        return byKeys(keys, this::target);
    }

    /** The rows of {@code keys}, at most {@value #KEYS_PER_STATEMENT} keys per statement. */
    private <T> List<T> byKeys(Collection<String> keys, Queries.RowMapper<T> mapper) {
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(keys));
        List<T> rows = new ArrayList<>();
        if (distinct.isEmpty()) {
            return rows;
        }
        Column key = table.column(table.keyColumn());
        String select = "SELECT " + selectList() + " FROM " + table.table() + " WHERE " + table.q(table.keyColumn()) + " IN (";
        try (Connection connection = table.connect()) {
            for (int from = 0; from < distinct.size(); from += KEYS_PER_STATEMENT) {
                List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + KEYS_PER_STATEMENT));
                String sql = select + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")";
                rows.addAll(Queries.listPlannedEachTime(connection, sql, s -> {
                    for (int i = 0; i < chunk.size(); i++) {
                        ValueBinder.bind(s, i + 1, chunk.get(i), key);
                    }
                }, mapper));
            }
            return rows;
        } catch (SQLException e) {
            throw new JdbcAccessException("reading " + distinct.size() + " rows by key from " + table.describe(), e);
        }
    }

    private boolean isDeleted(Map<String, Object> values) {
        String softDelete = table.mapping().softDeleteColumn();
        return softDelete != null && values.get(softDelete) != null;
    }

    private Map<String, Object> mapped(Map<String, Object> values) {
        Map<String, Object> mapped = new LinkedHashMap<>();
        table.mappedColumns().forEach(c -> mapped.put(c, values.get(c)));
        return mapped;
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : Long.parseLong(value.toString().trim());
    }
}
