package dev.accord.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What Accord knows each system holds, per record and field, in canonical values: what it last wrote there,
 * or what the system last reported. A row read back with a field still holding that value did not change
 * that field (it is Accord's own echo, or another column of the row changed): the field is not taken for a
 * new assertion, so a row-level timestamp cannot make an old value look new.
 */
public final class EchoMemory {

    private final Clock clock;

    private static final TypeReference<Map<String, JsonNode>> FIELDS = new TypeReference<>() {};
    private static final List<String> COLUMNS = List.of("system_name", "domain_name", "record_key", "fields_json", "updated_at");

    private final StoreDialect dialect;

    EchoMemory(StoreDialect dialect, Clock clock) {
        this.clock = clock;
        this.dialect = dialect;
    }

    /** Field to value last written, per key; keys Accord never wrote are absent. */
    public Map<String, Map<String, JsonNode>> load(Connection connection, String system, String domain, Collection<String> keys)
            throws SQLException {
        Map<String, Map<String, JsonNode>> result = new HashMap<>();
        Sql.byKeys(connection, dialect, "record_key, fields_json", "echo_memory", List.of("system_name", "domain_name"),
                List.of(system, domain), "record_key", keys, row -> result.put(row.getString(1), StoreJson.read(row.getString(2), FIELDS)));
        return result;
    }

    /** Remembers the values just written, merged over what was remembered for the same keys. */
    public void remember(Connection connection, String system, String domain, Map<String, Map<String, JsonNode>> written)
            throws SQLException {
        if (written.isEmpty()) {
            return;
        }
        Map<String, Map<String, JsonNode>> known = load(connection, system, domain, written.keySet());
        Instant now = clock.instant();
        try (PreparedStatement statement = connection.prepareStatement(dialect.upsert("echo_memory", COLUMNS,
                List.of("system_name", "domain_name", "record_key")))) {
            for (Map.Entry<String, Map<String, JsonNode>> entry : written.entrySet()) {
                Map<String, JsonNode> merged = new TreeMap<>(known.getOrDefault(entry.getKey(), Map.of()));
                merged.putAll(entry.getValue());
                statement.setString(1, system);
                statement.setString(2, domain);
                statement.setString(3, entry.getKey());
                statement.setString(4, StoreJson.write(merged));
                Sql.setTime(statement, 5, now);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /**
     * Forgets what a system was known to hold in some fields (a rollback took the hub's values back, so the
     * system's value is news again the next time it is read).
     *
     * @param fields per key, the fields to forget
     */
    public void forget(Connection connection, String system, String domain, Map<String, ? extends Collection<String>> fields)
            throws SQLException {
        if (fields.isEmpty()) {
            return;
        }
        Map<String, Map<String, JsonNode>> known = load(connection, system, domain, fields.keySet());
        Map<String, Map<String, JsonNode>> kept = new HashMap<>();
        for (Map.Entry<String, Map<String, JsonNode>> entry : known.entrySet()) {
            Map<String, JsonNode> rest = new TreeMap<>(entry.getValue());
            rest.keySet().removeAll(fields.get(entry.getKey()));
            kept.put(entry.getKey(), rest);
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "delete from echo_memory where system_name = ? and domain_name = ? and record_key = ?")) {
            for (String key : known.keySet()) {
                statement.setString(1, system);
                statement.setString(2, domain);
                statement.setString(3, key);
                statement.addBatch();
            }
            statement.executeBatch();
        }
        kept.values().removeIf(Map::isEmpty);
        remember(connection, system, domain, kept);
    }
}
