package dev.accord.connectors.jdbc;

import dev.accord.connectors.TargetConnector;
import dev.accord.connectors.TargetRow;
import dev.accord.connectors.TargetWrite;
import dev.accord.connectors.WriteResult;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one domain to one system's table with compare-and-set on the mapping's version column. A call
 * to {@link #apply} is one transaction, in list order, so a write may rely on an earlier one (an undelete,
 * then an update expecting the version it produced). A row that no longer holds the expected version, or
 * an insert whose key exists, is a per-row conflict that leaves the row untouched while the rest commits;
 * any other failure rolls everything back. Stateless: one instance serves every activity thread.
 */
final class JdbcTarget implements TargetConnector {

    private final MappedTable table;
    private final RowReader rows;
    private final WriteStatements statements;

    JdbcTarget(MappedTable table) {
        this.table = table;
        this.rows = new RowReader(table);
        this.statements = new WriteStatements(table);
    }

    @Override
    public Map<String, TargetRow> readByKeys(Collection<String> keys) {
        Map<String, TargetRow> result = new LinkedHashMap<>();
        rows.targetsByKeys(keys).forEach(row -> result.put(row.key(), row));
        return result;
    }

    @Override
    public List<WriteResult> apply(List<TargetWrite> writes) {
        if (writes.isEmpty()) {
            return List.of();
        }
        List<PlannedWrite> plans = writes.stream().map(statements::plan).toList();
        try (Connection connection = table.connect()) {
            connection.setAutoCommit(false);
            try (WriteBatches batches = new WriteBatches(connection, table.dialect())) {
                List<WriteResult> results = batches.run(writes, plans);
                connection.commit();
                return results;
            } catch (SQLException | RuntimeException e) {
                rollback(connection, e);
                throw e;
            }
        } catch (SQLException e) {
            throw new JdbcAccessException("writing " + writes.size() + " rows to " + table.describe(), e);
        }
    }

    private static void rollback(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
