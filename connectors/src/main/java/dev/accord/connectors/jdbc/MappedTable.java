package dev.accord.connectors.jdbc;

import dev.accord.connectors.ColumnDrift;
import dev.accord.connectors.SourceSchemaDriftException;
import dev.accord.core.contract.DomainMapping;
import dev.accord.core.contract.FieldMapping;
import dev.accord.core.contract.SystemSpec;
import dev.accord.core.failure.FailureKind;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One system's table for one domain, as the contract maps it and as the database stores it. The table's
 * shape is read on first use (with a connection of its own, released before any other is taken, so a
 * full pool cannot deadlock) and kept: it is the baseline that {@linkplain #reading reads} compare the table with
 * when the schema changes under a running flow. SQL only ever names columns through {@link #q}.
 */
final class MappedTable {

    private static final Logger LOG = LoggerFactory.getLogger(MappedTable.class);

    private final DataSource dataSource;
    private final SqlDialect dialect;
    private final SystemSpec system;
    private final DomainMapping mapping;
    private final String keyColumn;
    private final List<String> mappedColumns;
    private volatile TableShape shape;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    MappedTable(DataSource dataSource, SqlDialect dialect, SystemSpec system, DomainMapping mapping, String keyField) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.system = system;
        this.mapping = mapping;
        this.keyColumn = mapping.keyColumn(keyField);
        List<String> columns = new ArrayList<>(List.of(keyColumn));
        new TreeSet<>(mapping.fields().values().stream().map(FieldMapping::column).toList()).stream()
                .filter(c -> !c.equalsIgnoreCase(keyColumn)).forEach(columns::add);
        if (mapping.ownsIds() && mapping.localKey().externalId() != null
                && columns.stream().noneMatch(c -> c.equalsIgnoreCase(mapping.localKey().externalId()))) {
            columns.add(mapping.localKey().externalId());
        }
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

    /** A read that opens (and closes) its own connection. */
    @FunctionalInterface
    interface SqlRead<T> {
        T run() throws SQLException;
    }

    /**
     * Runs a read of this system. When it fails for any reason but availability (an unknown column or operator, a
     * table that is gone), the table is looked at again, with no connection held, and compared with its baseline:
     * drift that stops reading becomes a {@link SourceSchemaDriftException}; drift of other columns gets the read one
     * more try (a statement prepared before a column changed type may fail once: PostgreSQL's "cached plan must not
     * change result type", which its driver retries by itself only outside a transaction; the values are then read as
     * the baseline kind); else the failure stands as a {@link JdbcAccessException}.
     */
    <T> T reading(String what, SchemaDrift watched, SqlRead<T> read) {
        try {
            return read.run();
        } catch (SQLException first) {
            JdbcAccessException failure = new JdbcAccessException(what, first);
            if (failure.kind() == FailureKind.AVAILABILITY) {
                throw failure;
            }
            List<ColumnDrift> drift = driftAfter(watched, failure);
            for (ColumnDrift d : drift) {
                if (watched.stopsReading(d)) {
                    throw drifted(watched.table(), d, failure);
                }
            }
            if (drift.isEmpty()) {
                throw failure;
            }
            drift.forEach(d -> noticed(watched.table(), d));
            try {
                return read.run();
            } catch (SQLException again) {
                throw new JdbcAccessException(what, again);
            }
        }
    }

    /** Drift that stops reading, logged once per worker, as the exception that stops the run. */
    SourceSchemaDriftException drifted(String tableName, ColumnDrift drift, Throwable cause) {
        SourceSchemaDriftException stop = new SourceSchemaDriftException(system.name(), tableName, drift, cause);
        if (reported.add(tableName + "/" + drift)) {
            LOG.error(stop.getMessage());
        }
        return stop;
    }

    /** Drift whose values are read row by row, logged once per worker and column change. */
    void noticed(String tableName, ColumnDrift drift) {
        if (reported.add(tableName + "/" + drift)) {
            LOG.warn("source schema drift in {}: {}; its values are read as before, and rows whose value cannot be are"
                    + " quarantined as UNREADABLE_SOURCE_VALUE ({})", describe(tableName), drift.describe(),
                    SourceSchemaDriftException.RUNBOOK);
        }
    }

    private List<ColumnDrift> driftAfter(SchemaDrift watched, JdbcAccessException failure) {
        try (Connection connection = connect()) {
            TableShape.Found now = TableShape.find(connection, dialect, watched.table(), this::zoneOf);
            return now.shape() == null ? List.of(ColumnDrift.tableGone()) : watched.against(now.shape());
        } catch (SQLException | RuntimeException e) {
            failure.addSuppressed(e);
            return List.of();
        }
    }

    /** For messages: {@code system 'crm', table crm_customers}. */
    String describe() {
        return describe(mapping.table());
    }

    String describe(String tableName) {
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
