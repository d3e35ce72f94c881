package dev.accord.connectors.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A table as the database stores it: its quoted name and its columns with their types. Contracts write
 * names in whatever case; databases fold unquoted names (H2 to upper case, PostgreSQL to lower case), so
 * the table is looked up as written, then upper-cased, then lower-cased, and columns are matched ignoring case.
 */
final class TableShape {

    /** Missing or inaccessible table or schema: SQL class 42 (all three), PostgreSQL 3F000, H2 90079. */
    private static final Set<String> UNUSABLE_SCHEMA = Set.of("3F000", "90079");

    private final String quotedName;
    private final Map<String, Column> columns;

    private TableShape(String quotedName, Map<String, Column> columns) {
        this.quotedName = quotedName;
        this.columns = Collections.unmodifiableMap(columns);
    }

    /**
     * @param zones the zone of each column's values (by database column name), for types without an offset
     * @return the shape, or the database's complaint when no spelling of the table can be read
     */
    static Found find(Connection connection, SqlDialect dialect, String table, Function<String, ZoneId> zones) throws SQLException {
        Set<String> spellings = new LinkedHashSet<>(List.of(table, table.toUpperCase(Locale.ROOT), table.toLowerCase(Locale.ROOT)));
        String complaint = null;
        for (String spelling : spellings) {
            String quoted = dialect.quote(spelling);
            try (Statement statement = connection.createStatement();
                 ResultSet empty = statement.executeQuery("SELECT * FROM " + quoted + " WHERE 1 = 0")) {
                return new Found(new TableShape(quoted, columns(empty.getMetaData(), dialect, zones)), null);
            } catch (SQLException e) {
                String state = String.valueOf(e.getSQLState());
                if (!state.startsWith("42") && !UNUSABLE_SCHEMA.contains(state)) {
                    throw e;
                }
                complaint = complaint == null ? e.getMessage() : complaint;
            }
        }
        return new Found(null, complaint);
    }

    /** The table's shape, or why it could not be read (not found, no permission). */
    record Found(TableShape shape, String complaint) {}

    private static Map<String, Column> columns(ResultSetMetaData meta, SqlDialect dialect, Function<String, ZoneId> zones)
            throws SQLException {
        Map<String, Column> columns = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            String name = meta.getColumnName(i);
            int sqlType = meta.getColumnType(i);
            String typeName = meta.getColumnTypeName(i);
            columns.put(name, new Column(name, sqlType, typeName, kindAt(meta, i, dialect), zones.apply(name),
                    Math.max(0, meta.getPrecision(i)), Math.max(0, meta.getScale(i)),
                    meta.isNullable(i) != ResultSetMetaData.columnNoNulls, meta.isSigned(i)));
        }
        return columns;
    }

    /** How Accord reads the column at {@code index} of a result, by its JDBC type and the database's type name. */
    static ValueKind kindAt(ResultSetMetaData meta, int index, SqlDialect dialect) throws SQLException {
        return dialect.kind(meta.getColumnType(index), meta.getColumnTypeName(index));
    }

    String quotedName() {
        return quotedName;
    }

    /** The column, whatever the case it is written in; empty when the table has none of that name. */
    Optional<Column> column(String name) {
        return Optional.ofNullable(columns.get(name));
    }

    Set<String> columnNames() {
        return columns.keySet();
    }
}
