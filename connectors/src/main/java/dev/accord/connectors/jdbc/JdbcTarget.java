package dev.accord.connectors.jdbc;

import dev.accord.connectors.Redaction;
import dev.accord.connectors.TargetConnector;
import dev.accord.connectors.TargetRow;
import dev.accord.connectors.TargetWrite;
import dev.accord.connectors.WriteResult;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes one domain to one system's table with compare-and-set on the mapping's version column. A call
 * to {@link #apply} is one transaction, in list order, so a write may rely on an earlier one (an undelete,
 * then an update expecting the version it produced). A row that no longer holds the expected version, or
 * an insert whose key exists, is a per-row conflict that leaves the row untouched while the rest commits.
 *
 * <p>A record whose values the table cannot take is rejected, never written in part, and the rest commits:
 * values that do not fit a column as the table describes it ({@link ColumnFit}) are refused before anything is
 * sent; when the database still refuses the batch with a data or constraint error (a CHECK, a UNIQUE index on
 * another column, a trigger's data error), the transaction is rolled back and the records are written again in
 * halves under savepoints until each refused record is alone. Any other failure rolls everything back and throws.
 *
 * <p>In a table whose database assigns the ids ({@code key: {assigned: true, external-id: …}}), a create (an upsert
 * expecting no row) carries the canonical id as its key. In the batch's transaction the row holding that canonical
 * id in the external-id column is looked up first: found (an earlier attempt inserted it and crashed before Accord
 * linked it), the write is {@link WriteResult#alreadyCreated} with that row's id and nothing is written; else the row
 * is inserted without the key column and {@link WriteResult#created} reports the id the database generated. Every
 * other write's key is the row's own id.
 * Stateless: one instance serves every activity thread.
 */
final class JdbcTarget implements TargetConnector {

    private final MappedTable table;
    private final Clock clock;
    private final RowReader rows;
    private final WriteStatements statements;

    JdbcTarget(MappedTable table, Clock clock) {
        this.clock = clock;
        this.table = table;
        this.rows = new RowReader(table, clock);
        this.statements = new WriteStatements(table);
    }

    @Override
    public Map<String, TargetRow> readByKeys(Collection<String> keys) {
        Map<String, TargetRow> result = new LinkedHashMap<>();
        rows.targetsByKeys(keys).forEach(row -> result.put(row.key(), row));
        return result;
    }

    @Override
    public List<List<String>> keysWhere(List<String> columns, List<List<Object>> candidates) {
        return new KeyFinder(table).keysWhere(columns, candidates);
    }

    @Override
    public Map<String, WriteResult.Rejection> check(List<TargetWrite> writes) {
        Map<String, WriteResult.Rejection> unfit = new LinkedHashMap<>();
        for (TargetWrite write : writes) {
            if (!unfit.containsKey(write.key())) {
                unfit(statements.plan(write)).ifPresent(rejection -> unfit.put(write.key(), rejection));
            }
        }
        return unfit;
    }

    private Optional<WriteResult.Rejection> unfit(PlannedWrite plan) {
        for (PlannedWrite.Parameter parameter : plan.parameters()) {
            Optional<WriteResult.Rejection> rejection = ColumnFit.check(parameter.value(), parameter.column(), table.dialect());
            if (rejection.isPresent()) {
                return rejection;
            }
        }
        return Optional.empty();
    }

    @Override
    public List<WriteResult> apply(List<TargetWrite> writes) {
        if (writes.isEmpty()) {
            return List.of();
        }
        List<PlannedWrite> plans = writes.stream().map(statements::plan).toList();
        WriteResult[] results = new WriteResult[writes.size()];
        Map<String, WriteResult.Rejection> unfit = new LinkedHashMap<>();
        for (int i = 0; i < writes.size(); i++) {
            String key = writes.get(i).key();
            if (!unfit.containsKey(key)) {
                unfit(plans.get(i)).ifPresent(rejection -> unfit.put(key, rejection));
            }
        }
        List<Integer> fit = new ArrayList<>();
        for (int i = 0; i < writes.size(); i++) {
            WriteResult.Rejection rejection = unfit.get(writes.get(i).key());
            if (rejection != null) {
                results[i] = WriteResult.rejected(writes.get(i).key(), rejection);
            } else {
                fit.add(i);
            }
        }
        try (Connection connection = table.connect()) {
            connection.setAutoCommit(false);
            try {
                write(connection, fit, writes, plans, results);
                connection.commit();
                return List.of(results);
            } catch (SQLException | RuntimeException e) {
                rollback(connection, e);
                throw e;
            }
        } catch (SQLException e) {
            throw new JdbcAccessException("writing " + writes.size() + " rows to " + table.describe(), e);
        }
    }

    /** Writes the given writes; when the database refuses one's data, starts over in isolation. */
    private void write(Connection connection, List<Integer> indices, List<TargetWrite> writes, List<PlannedWrite> plans,
                       WriteResult[] results) throws SQLException {
        try {
            run(connection, indices, writes, plans, results);
        } catch (SQLException e) {
            if (SqlErrors.refusal(e, table.dialect()) == null) {
                throw e;
            }
            connection.rollback();
            isolate(connection, byKey(indices, writes), writes, plans, results);
        }
    }

    /**
     * Writes the key groups under a savepoint; when the database refuses the data, rolls back to it and tries each
     * half on its own, until a refused group is alone: that record is rejected, every other one written.
     */
    private void isolate(Connection connection, List<List<Integer>> groups, List<TargetWrite> writes, List<PlannedWrite> plans,
                         WriteResult[] results) throws SQLException {
        if (groups.isEmpty()) {
            return;
        }
        Savepoint savepoint = connection.setSavepoint();
        try {
            run(connection, groups.stream().flatMap(List::stream).toList(), writes, plans, results);
            connection.releaseSavepoint(savepoint);
        } catch (SQLException e) {
            SqlErrors.Refusal refusal = SqlErrors.refusal(e, table.dialect());
            if (refusal == null) {
                throw e;
            }
            connection.rollback(savepoint);
            if (groups.size() == 1) {
                WriteResult.Rejection rejection = new WriteResult.Rejection(refusal.reason(), refusal.column(),
                        table.describe() + " refused the write: " + Redaction.message(refusal.message()));
                groups.get(0).forEach(i -> results[i] = WriteResult.rejected(writes.get(i).key(), rejection));
                return;
            }
            int half = groups.size() / 2;
            isolate(connection, groups.subList(0, half), writes, plans, results);
            isolate(connection, groups.subList(half, groups.size()), writes, plans, results);
        }
    }

    private void run(Connection connection, List<Integer> indices, List<TargetWrite> writes, List<PlannedWrite> plans,
                     WriteResult[] results) throws SQLException {
        if (indices.isEmpty()) {
            return;
        }
        try (WriteBatches batches = new WriteBatches(connection, table.dialect())) {
            List<WriteResult> done = batches.run(indices.stream().map(writes::get).toList(), indices.stream().map(plans::get).toList());
            for (int j = 0; j < indices.size(); j++) {
                results[indices.get(j)] = done.get(j);
            }
        }
    }

    /** The writes' indices grouped by key, in first-seen order: a key's writes depend on each other and go together. */
    private static List<List<Integer>> byKey(List<Integer> indices, List<TargetWrite> writes) {
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        indices.forEach(i -> groups.computeIfAbsent(writes.get(i).key(), k -> new ArrayList<>()).add(i));
        return new ArrayList<>(groups.values());
    }

    private static void rollback(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
