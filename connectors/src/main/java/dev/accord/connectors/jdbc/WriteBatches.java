package dev.accord.connectors.jdbc;

import dev.accord.connectors.TargetWrite;
import dev.accord.connectors.WriteResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs planned writes on one connection, in list order, reusing each prepared statement. Consecutive
 * writes with the same statement go out as one JDBC batch, whose per-statement update counts tell exactly
 * which rows matched; inserts whose existing key the dialect reports by an error run one at a time.
 * Closing releases the prepared statements; committing is the caller's business.
 */
final class WriteBatches implements AutoCloseable {

    private final Connection connection;
    private final SqlDialect dialect;
    private final Map<String, PreparedStatement> prepared = new HashMap<>();

    WriteBatches(Connection connection, SqlDialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
    }

    /**
     * Runs the writes in order. Writes to one key depend on each other (an undelete, then an update that
     * expects the version it produced): once one conflicts, the key's later writes are reported as
     * conflicts without running, so a multi-step write never half-lands.
     */
    List<WriteResult> run(List<TargetWrite> writes, List<PlannedWrite> plans) throws SQLException {
        WriteResult[] results = new WriteResult[writes.size()];
        List<Integer> batch = new ArrayList<>();
        java.util.Set<String> batchedKeys = new java.util.HashSet<>();
        for (int i = 0; i < plans.size(); i++) {
            PlannedWrite plan = plans.get(i);
            String key = writes.get(i).key();
            boolean alone = plan.insert() && dialect.insertsOneByOne();
            boolean dependsOnBatch = batchedKeys.contains(key);
            if (!batch.isEmpty() && (alone || dependsOnBatch || !plans.get(batch.get(0)).sql().equals(plan.sql()))) {
                flush(batch, writes, plans, results);
                batchedKeys.clear();
            }
            if (conflictedBefore(writes, results, i, key)) {
                results[i] = new WriteResult(key, WriteResult.Status.CONFLICT, null);
                continue;
            }
            batchedKeys.add(key);
            if (alone) {
                results[i] = result(writes.get(i), plan, executeAlone(plan));
            } else {
                bound(plan).addBatch();
                batch.add(i);
            }
        }
        flush(batch, writes, plans, results);
        return Arrays.asList(results);
    }

    private static boolean conflictedBefore(List<TargetWrite> writes, WriteResult[] results, int index, String key) {
        for (int j = 0; j < index; j++) {
            if (results[j] != null && writes.get(j).key().equals(key) && results[j].status() == WriteResult.Status.CONFLICT) {
                return true;
            }
        }
        return false;
    }

    private void flush(List<Integer> batch, List<TargetWrite> writes, List<PlannedWrite> plans, WriteResult[] results)
            throws SQLException {
        if (batch.isEmpty()) {
            return;
        }
        int[] counts = prepared.get(plans.get(batch.get(0)).sql()).executeBatch();
        for (int j = 0; j < batch.size(); j++) {
            int index = batch.get(j);
            results[index] = result(writes.get(index), plans.get(index), counts[j]);
        }
        batch.clear();
    }

    /** An insert on its own: an existing key is a conflict (0 rows); a duplicate in another UNIQUE index is thrown. */
    private int executeAlone(PlannedWrite plan) throws SQLException {
        try {
            return bound(plan).executeUpdate();
        } catch (SQLException e) {
            if (dialect.isDuplicateKey(e) && keyExists(plan)) {
                return 0;
            }
            throw e;
        }
    }

    private boolean keyExists(PlannedWrite plan) throws SQLException {
        if (plan.keyExists() == null) {
            return true;
        }
        try (PreparedStatement query = connection.prepareStatement(plan.keyExists())) {
            PlannedWrite.Parameter key = plan.parameters().get(0);
            ValueBinder.bind(query, 1, key.value(), key.column());
            try (java.sql.ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private PreparedStatement bound(PlannedWrite plan) throws SQLException {
        PreparedStatement statement = prepared.get(plan.sql());
        if (statement == null) {
            statement = connection.prepareStatement(plan.sql());
            prepared.put(plan.sql(), statement);
        }
        for (int i = 0; i < plan.parameters().size(); i++) {
            PlannedWrite.Parameter parameter = plan.parameters().get(i);
            ValueBinder.bind(statement, i + 1, parameter.value(), parameter.column());
        }
        return statement;
    }

    private static WriteResult result(TargetWrite write, PlannedWrite plan, int count) {
        if (count == Statement.SUCCESS_NO_INFO) {
            throw new ConnectionConfigurationException("the JDBC driver does not report how many rows each batched statement"
                    + " changed, so compare-and-set cannot tell conflicts apart; remove batch-rewriting options from the URL");
        }
        return count > 0 ? new WriteResult(write.key(), WriteResult.Status.APPLIED, plan.newVersion())
                : new WriteResult(write.key(), WriteResult.Status.CONFLICT, null);
    }

    @Override
    public void close() throws SQLException {
        SQLException failure = null;
        for (PreparedStatement statement : prepared.values()) {
            try {
                statement.close();
            } catch (SQLException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
