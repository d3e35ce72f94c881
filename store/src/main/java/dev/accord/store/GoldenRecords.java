package dev.accord.store;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.accord.core.record.CanonicalRecord;
import dev.accord.core.record.FieldValue;
import dev.accord.core.record.FieldVersion;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Golden records, one row per key with every field's value and version as JSON. Writes compare and set
 * the row's revision, so two flows resolving the same key at once cannot overwrite each other.
 */
public final class GoldenRecords {

    private final Clock clock;

    /** The longest key the store keeps (its key columns are {@code varchar(255)}); the boundary quarantines longer ones. */
    public static final int MAX_KEY_LENGTH = 255;

    private static final TypeReference<Map<String, FieldValue>> FIELDS = new TypeReference<>() {};
    private static final List<String> COLUMNS = List.of("domain_name", "record_key", "fields_json", "tombstone_json",
            "deleted", "revision", "updated_at");

    private final StoreDialect dialect;

    GoldenRecords(StoreDialect dialect, Clock clock) {
        this.clock = clock;
        this.dialect = dialect;
    }

    /** A golden record with the revision it was read at; revision 0 means the key is new. */
    public record Stored(CanonicalRecord record, long revision) {}

    /** The stored records of {@code keys}; keys without one get an empty record at revision 0. */
    public Map<String, Stored> load(Connection connection, String domain, Collection<String> keys) throws SQLException {
        Map<String, Stored> result = new HashMap<>();
        Sql.byKeys(connection, dialect, "record_key, fields_json, tombstone_json, deleted, revision", "golden_record",
                List.of("domain_name"), List.of(domain), "record_key", keys, row -> result.put(row.getString(1),
                        new Stored(new CanonicalRecord(domain, row.getString(1), StoreJson.read(row.getString(2), FIELDS),
                                StoreJson.read(row.getString(3), FieldVersion.class), row.getBoolean(4)), row.getLong(5))));
        for (String key : keys) {
            result.computeIfAbsent(key, k -> new Stored(CanonicalRecord.empty(domain, k), 0));
        }
        return result;
    }

    /**
     * Writes the new states; each must still be at the revision it was read at.
     *
     * @throws ConcurrentUpdateException when another writer got there first (nothing of the caller's
     *     transaction should then be committed)
     */
    public void save(Connection connection, Collection<Stored> updates) throws SQLException {
        Instant now = clock.instant();
        List<Stored> inserts = updates.stream().filter(s -> s.revision() == 0).toList();
        List<Stored> changes = updates.stream().filter(s -> s.revision() > 0).toList();
        if (!inserts.isEmpty()) {
            try (PreparedStatement statement = connection.prepareStatement(dialect.insertIfAbsent("golden_record", COLUMNS,
                    List.of("domain_name", "record_key")))) {
                for (Stored stored : inserts) {
                    bind(statement, stored.record(), 1, now);
                    statement.addBatch();
                }
                expectAll(statement.executeBatch(), inserts);
            }
        }
        if (!changes.isEmpty()) {
            try (PreparedStatement statement = connection.prepareStatement("update golden_record set fields_json = ?,"
                    + " tombstone_json = ?, deleted = ?, revision = revision + 1, updated_at = ?"
                    + " where domain_name = ? and record_key = ? and revision = ?")) {
                for (Stored stored : changes) {
                    CanonicalRecord record = stored.record();
                    statement.setString(1, StoreJson.write(record.fields()));
                    statement.setString(2, StoreJson.write(record.tombstone()));
                    statement.setBoolean(3, record.deleted());
                    Sql.setTime(statement, 4, now);
                    statement.setString(5, record.domain());
                    statement.setString(6, record.key());
                    statement.setLong(7, stored.revision());
                    statement.addBatch();
                }
                expectAll(statement.executeBatch(), changes);
            }
        }
    }

    private static void bind(PreparedStatement statement, CanonicalRecord record, long revision, Instant now) throws SQLException {
        statement.setString(1, record.domain());
        statement.setString(2, record.key());
        statement.setString(3, StoreJson.write(record.fields()));
        statement.setString(4, StoreJson.write(record.tombstone()));
        statement.setBoolean(5, record.deleted());
        statement.setLong(6, revision);
        Sql.setTime(statement, 7, now);
    }

    private static void expectAll(int[] counts, List<Stored> writes) {
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                Stored stored = writes.get(i);
                throw new ConcurrentUpdateException("golden record " + stored.record().domain() + "/" + stored.record().key()
                        + " changed since it was read at revision " + stored.revision());
            }
        }
    }
}
