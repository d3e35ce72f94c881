package dev.accord.store;

import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Golden records a target still has to receive: the hub's transactional outbox. Resolve enqueues a
 * delivery in the same transaction that changes the golden record; apply removes it once the target
 * holds the values. A crash in between leaves it pending, and the next run delivers it.
 */
public final class Deliveries {

    private final Clock clock;

    private static final TypeReference<List<String>> FIELDS = new TypeReference<>() {};
    private static final List<String> COLUMNS = List.of("target_system", "domain_name", "record_key", "fields_json",
            "flow", "run_id", "page_no", "revision", "created_at");

    private final StoreDialect dialect;

    Deliveries(StoreDialect dialect, Clock clock) {
        this.clock = clock;
        this.dialect = dialect;
    }

    /**
     * One pending delivery.
     *
     * @param fields the canonical fields that changed (the target gets their current golden values)
     * @param revision bumped by every enqueue, so a delivery is removed only if nothing was added meanwhile
     */
    public record Delivery(String target, String domain, String key, List<String> fields, String flow, String runId, long page,
                           long revision) {

        public static Delivery of(String target, String domain, String key, List<String> fields, String flow, String runId, long page) {
            return new Delivery(target, domain, key, fields, flow, runId, page, 0);
        }
    }

    /** Adds deliveries; a pending delivery of the same key gains the new fields. */
    public void enqueue(Connection connection, Collection<Delivery> deliveries) throws SQLException {
        if (deliveries.isEmpty()) {
            return;
        }
        Delivery first = deliveries.iterator().next();
        Map<String, Delivery> existing = new java.util.HashMap<>();
        for (Delivery pending : pending(connection, first.target(), first.domain(), deliveries.stream().map(Delivery::key).toList())) {
            existing.put(pending.key(), pending);
        }
        Instant now = clock.instant();
        try (PreparedStatement statement = connection.prepareStatement(dialect.upsert("target_delivery", COLUMNS,
                List.of("target_system", "domain_name", "record_key")))) {
            for (Delivery delivery : deliveries) {
                TreeSet<String> fields = new TreeSet<>(delivery.fields());
                Delivery before = existing.get(delivery.key());
                if (before != null) {
                    fields.addAll(before.fields());
                }
                statement.setString(1, delivery.target());
                statement.setString(2, delivery.domain());
                statement.setString(3, delivery.key());
                statement.setString(4, StoreJson.write(new ArrayList<>(fields)));
                statement.setString(5, delivery.flow());
                statement.setString(6, delivery.runId());
                statement.setLong(7, delivery.page());
                statement.setLong(8, before == null ? 1 : before.revision() + 1);
                Sql.setTime(statement, 9, now);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /** Pending deliveries of the given keys to one target. */
    public List<Delivery> pending(Connection connection, String target, String domain, Collection<String> keys) throws SQLException {
        return Sql.byKeys(connection, dialect, "*", "target_delivery", List.of("target_system", "domain_name"), List.of(target, domain),
                "record_key", keys, Deliveries::read);
    }

    /** The oldest pending deliveries to one target, up to {@code limit}. */
    public List<Delivery> oldest(Connection connection, String target, String domain, int limit) throws SQLException {
        return Sql.query(connection, "select * from target_delivery where target_system = ? and domain_name = ?"
                + " order by created_at, record_key limit " + limit, s -> {
                    s.setString(1, target);
                    s.setString(2, domain);
                }, Deliveries::read);
    }

    /** Removes delivered entries, unless they were re-enqueued (a newer revision) since they were read. */
    public void remove(Connection connection, Collection<Delivery> delivered) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("delete from target_delivery"
                + " where target_system = ? and domain_name = ? and record_key = ? and revision = ?")) {
            for (Delivery delivery : delivered) {
                statement.setString(1, delivery.target());
                statement.setString(2, delivery.domain());
                statement.setString(3, delivery.key());
                statement.setLong(4, delivery.revision());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private static Delivery read(java.sql.ResultSet row) throws SQLException {
        return new Delivery(row.getString("target_system"), row.getString("domain_name"), row.getString("record_key"),
                StoreJson.read(row.getString("fields_json"), FIELDS), row.getString("flow"), row.getString("run_id"),
                row.getLong("page_no"), row.getLong("revision"));
    }
}
