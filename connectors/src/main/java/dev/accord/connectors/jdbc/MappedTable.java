package dev.accord.connectors.jdbc;

import dev.accord.core.contract.DomainMapping;
import dev.accord.core.contract.FieldMapping;
import dev.accord.core.contract.SystemSpec;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * One system's table for one domain, as the contract maps it and as the database stores it. The table's
 * shape is read on first use (with a connection of its own, released before any other is taken, so a
 * full pool cannot deadlock) and kept; SQL only ever names columns through {@link #q}.
 */
final class MappedTable {

    private final DataSource dataSource;
    private final SqlDialect dialect;
    private final SystemSpec system;
    private final DomainMapping mapping;
    private final String keyColumn;
    private final List<String> mappedColumns;
    private volatile TableShape shape;

    MappedTable(DataSource dataSource, SqlDialect dialect, SystemSpec system, DomainMapping mapping, String keyField) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.system = system;
        this.mapping = mapping;
        this.keyColumn = mapping.fields().get(keyField).column();
        List<String> columns = new ArrayList<>(List.of(keyColumn));
        new TreeSet<>(mapping.fields().values().stream().map(FieldMapping::column).toList()).stream()
                .filter(c -> !c.equalsIgnoreCase(keyColumn)).forEach(columns::add);
        this.mappedColumns = List.copyOf(columns);
    }

    SqlDialect dialect() {
        return dialect;
    }

    DomainMapping mapping() {
        return mapping;
    }

    /** The key's column as the contract writes it. */
    String keyColumn() {
        return keyColumn;
    }

    /** Every mapped column as the contract writes it: the key's first, then the others by name. */
    List<String> mappedColumns() {
        return mappedColumns;
    }

    Connection connect() throws SQLException {
        return dataSource.getConnection();
    }

    /** The quoted table name. */
    String table() {
        return shape().quotedName();
    }

    /** The quoted name of a contract column. */
    String q(String contractColumn) {
        return dialect.quote(column(contractColumn).name());
    }

    Column column(String contractColumn) {
        return column(shape(), mapping.table(), contractColumn);
    }

    /** The column of another table of this system (the outbox), failing with the columns it does have. */
    Column column(TableShape table, String tableName, String contractColumn) {
        return table.column(contractColumn).orElseThrow(() -> new MappingConfigurationException(describe(tableName)
                + " has no column '" + contractColumn + "' (the contract names it); its columns are: "
                + String.join(", ", table.columnNames())));
    }

    /** Reads another table of this system (the outbox) the same way as the main one. */
    TableShape resolve(String tableName) {
        try (Connection connection = connect()) {
            TableShape.Found found = TableShape.find(connection, dialect, tableName, this::zoneOf);
            if (found.shape() == null) {
                throw new MappingConfigurationException(describe(tableName) + " cannot be read as written, upper- or lower-cased ("
                        + found.complaint() + "); create it, grant access, or correct the mapping of domain '"
                        + mapping.domain() + "'");
            }
            return found.shape();
        } catch (SQLException e) {
            throw new JdbcAccessException("reading the columns of " + describe(tableName), e);
        }
    }

    /** For messages: {@code system 'crm', table crm_customers}. */
    String describe() {
        return describe(mapping.table());
    }

    private String describe(String tableName) {
        return "system '" + system.name() + "', table " + tableName;
    }

    private TableShape shape() {
        TableShape known = shape;
        if (known == null) {
            known = resolve(mapping.table());
            shape = known;
        }
        return known;
    }

    /** A mapped column's own zone wins over the system's, as in the core's record mapper. */
    private ZoneId zoneOf(String databaseColumn) {
        return mapping.fields().values().stream()
                .filter(f -> f.column().equalsIgnoreCase(databaseColumn) && f.timezone() != null)
                .map(FieldMapping::timezone).findFirst().orElse(system.timezone());
    }
}
