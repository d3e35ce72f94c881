package dev.accord.connectors.jdbc;

import dev.accord.connectors.SourceRow;
import dev.accord.connectors.TargetRow;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads rows of a mapped table: the mapped columns plus the bookkeeping ones (cursor, version, soft
 * delete), as {@link SourceRow}s with portable values or {@link TargetRow}s with driver values. Column
 * maps are keyed by the names the contract writes, whatever case the database stores them in. Source reads
 * are watched for schema drift ({@link PageReader}, {@link MappedTable#reading}); target reads are not.
 */
final class RowReader {

    static final int KEYS_PER_STATEMENT = 500;

    private final MappedTable table;
    private final Clock clock;
    private final List<String> selected;

    RowReader(MappedTable table, Clock clock) {
        this.clock = clock;
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

    /** The selected columns' portable values by contract name, looked up ignoring case, as the baseline types (for targets). */
    private Map<String, Object> portable(ResultSet row) throws SQLException {
        Map<String, Object> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < selected.size(); i++) {
            values.put(selected.get(i), JdbcValues.portable(row, i + 1, table.column(selected.get(i))));
        }
        return values;
    }

    /** Whether the key column may hold NULL (the database says so, or does not say): then rows without a key need reading apart. */
    boolean keyMayBeNull() {
        return table.column(table.keyColumn()).nullable();
    }

    /** How this table's rows are watched for drift: the selected columns; the key and the cursor order and select rows. */
    SchemaDrift watched() {
        Set<String> ordering = new LinkedHashSet<>();
        ordering.add(table.keyColumn());
        if (table.mapping().cursor() != null) {
            ordering.add(table.mapping().cursor());
        }
        return new SchemaDrift(table.mapping().table(), table::column, selected, ordering);
    }

    /** A reader for one query over the {@linkplain #selectList selected columns}, checking them for drift. */
    PageReader reader() {
        return new PageReader(table, watched());
    }

    /**
     * A source row; its time is the cursor's when that is a timestamp, else now. A row whose key is NULL or blank
     * gets a {@linkplain KeylessRows#key stand-in key} and its key column stays as it is, so the boundary
     * quarantines it as MISSING_KEY under a dedup key of its own; it is never a delete (there is no key to delete).
     * Values that could not be read as their column's baseline type make the row unreadable; an unreadable version
     * column is not used.
     */
    SourceRow source(RowValues row) {
        Map<String, Object> values = row.values();
        String cursor = table.mapping().cursor();
        Instant time = cursor == null ? null : JdbcValues.instant(values.get(cursor), table.column(cursor));
        String key = JdbcValues.text(values.get(table.keyColumn()));
        boolean keyless = key == null || key.isBlank();
        if (keyless) {
            key = KeylessRows.key(cursor, cursor == null ? null : JdbcValues.text(values.get(cursor)), selected, values);
        }
        String versionColumn = table.mapping().versionColumn();
        Object version = versionColumn == null || row.unreadable().containsKey(versionColumn) ? null : values.get(versionColumn);
        return new SourceRow(key, sourceVersion(version, values, time), time == null ? clock.instant() : time,
                !keyless && isDeleted(values), mapped(values), null, row.unreadable());
    }

    /**
     * The source rows of one page. Rows without a key that hold exactly the same values get the same stand-in key;
     * they are told apart by a number ({@code … row 3f2a9c1b #2}), which stays the same when the page is read again,
     * because a page takes all keyless rows of a cursor value or none.
     */
    List<SourceRow> sources(List<RowValues> page) {
        List<SourceRow> sources = new ArrayList<>(page.size());
        Map<String, Integer> seen = new HashMap<>();
        for (RowValues values : page) {
            SourceRow row = source(values);
            String key = JdbcValues.text(values.get(table.keyColumn()));
            int n = key == null || key.isBlank() ? seen.merge(row.key(), 1, Integer::sum) : 1;
            sources.add(n == 1 ? row : row.withKey(row.key() + " #" + n));
        }
        return sources;
    }

    /** The version column's value, else the cursor timestamp in microseconds, else a numeric cursor's value. */
    private long sourceVersion(Object version, Map<String, Object> values, Instant time) {
        if (version != null) {
            return number(version);
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
        return sources(valuesByKeys(keys));
    }

    /** The current rows of {@code keys} as read for a source, watched for drift. */
    List<RowValues> valuesByKeys(Collection<String> keys) {
        return table.reading("reading " + keys.size() + " rows by key from " + table.describe(), watched(),
                () -> byKeys(keys, reader()));
    }

    List<TargetRow> targetsByKeys(Collection<String> keys) {
        try {
            return byKeys(keys, this::target);
        } catch (SQLException e) {
            throw new JdbcAccessException("reading " + keys.size() + " rows by key from " + table.describe(), e);
        }
    }

    /** The rows of {@code keys}, at most {@value #KEYS_PER_STATEMENT} keys per statement. */
    private <T> List<T> byKeys(Collection<String> keys, Queries.RowMapper<T> mapper) throws SQLException {
        Column key = table.column(table.keyColumn());
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(keys));
        distinct.removeIf(k -> !storable(k, key));
        List<T> rows = new ArrayList<>();
        if (distinct.isEmpty()) {
            return rows;
        }
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
        }
    }

    /** A key the key column cannot hold (text for a number column) names no row: it is absent, not an error. */
    private static boolean storable(String key, Column column) {
        try {
            ValueBinder.convert(key, column);
            return true;
        } catch (ValueConversionException notOfTheColumnsType) {
            return false;
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
