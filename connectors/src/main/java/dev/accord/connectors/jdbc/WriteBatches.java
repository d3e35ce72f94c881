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
 * which rows matched; inserts whose existing key the dialect reports by an error run one at a time, and so does
 * a create in a table whose database assigns the ids (looked up by its canonical id first, its new id read back).
 * Closing releases the prepared statements; committing is the caller's business.
 */
final class WriteBatches implements AutoCloseable {

    private final Connection connection;
    private final SqlDialect dialect;
    private final Map<String, PreparedStatement> prepared = new HashMap<>();
    /** Inserts that return the key the database generated, by SQL. */
    private final Map<String, PreparedStatement> returning = new HashMap<>();

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
            boolean alone = plan.assigned() != null || (plan.insert() && dialect.insertsOneByOne());
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
            if (plan.assigned() != null) {
                results[i] = create(writes.get(i), plan);
            } else if (alone) {
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

    /**
     * A create in a table whose database assigns the ids, on its own: a row that already holds the canonical id in its
     * external-id column (inserted by an earlier attempt that crashed before Accord linked it) is reported, and nothing
     * written; else the row is inserted and the id the database gave it read back: as a generated key, or, when the
     * driver reports none (a key filled by a default rather than an identity), by looking the row up again.
     */
    private WriteResult create(TargetWrite write, PlannedWrite plan) throws SQLException {
        String existing = lookup(plan.assigned());
        if (existing != null) {
            return WriteResult.alreadyCreated(write.key(), existing);
        }
        PreparedStatement insert = returning.get(plan.sql());
        if (insert == null) {
            insert = connection.prepareStatement(plan.sql(), new String[] {plan.assigned().keyColumn()});
            returning.put(plan.sql(), insert);
        }
        for (int i = 0; i < plan.parameters().size(); i++) {
            PlannedWrite.Parameter parameter = plan.parameters().get(i);
            ValueBinder.bind(insert, i + 1, parameter.value(), parameter.column());
        }
        insert.executeUpdate();
        String generated = null;
        try (java.sql.ResultSet keys = insert.getGeneratedKeys()) {
            if (keys != null && keys.next()) {
                generated = text(keys.getObject(1));
            }
        }
        if (generated == null) {
            generated = lookup(plan.assigned());
        }
        if (generated == null) {
            throw new MappingConfigurationException("the database reported no id for the row it inserted under canonical id '"
                    + write.key() + "', and the row cannot be found by its external-id column; let the database generate the key"
                    + " column (an identity or AUTO_INCREMENT column)");
        }
        return WriteResult.created(write.key(), plan.newVersion(), generated);
    }

    /** The id of the first row (by id) whose external-id column holds the canonical id; null when none does. */
    private String lookup(PlannedWrite.Assigned assigned) throws SQLException {
        PreparedStatement query = prepared.get(assigned.lookup());
        if (query == null) {
            query = connection.prepareStatement(assigned.lookup());
            prepared.put(assigned.lookup(), query);
        }
        ValueBinder.bind(query, 1, assigned.externalId().value(), assigned.externalId().column());
        try (java.sql.ResultSet rows = query.executeQuery()) {
            return rows.next() ? text(rows.getObject(1)) : null;
        }
    }

    private static String text(Object id) {
        if (id == null) {
            return null;
        }
        return id instanceof java.math.BigDecimal decimal ? decimal.toPlainString() : id.toString();
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
        List<PreparedStatement> all = new ArrayList<>(prepared.values());
        all.addAll(returning.values());
        for (PreparedStatement statement : all) {
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
