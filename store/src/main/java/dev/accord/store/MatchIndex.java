package dev.accord.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The match values of the golden records, per match rule, as hashes of the normalised values (never the values): how a
 * record seen for the first time in a system finds the golden records it may be.
 */
public final class MatchIndex {

    MatchIndex() {}

    /** The canonical ids indexed under each of the given hashes of {@code rule}; hashes nothing has are absent. */
    public Map<String, Set<String>> find(Connection connection, String domain, String rule, Collection<String> hashes) throws SQLException {
        Map<String, Set<String>> result = new HashMap<>();
        for (List<String> chunk : Sql.chunks(new LinkedHashSet<>(hashes))) {
            Sql.forEach(connection, "select match_hash, canonical_id from identity_match where domain_name = ? and rule_name = ?"
                    + " and match_hash in " + Sql.in(chunk.size()), s -> {
                        s.setString(1, domain);
                        s.setString(2, rule);
                        for (int i = 0; i < chunk.size(); i++) {
                            s.setString(i + 3, chunk.get(i));
                        }
                    }, row -> result.computeIfAbsent(row.getString(1), h -> new LinkedHashSet<>()).add(row.getString(2)));
        }
        return result;
    }

    /**
     * Replaces what is indexed for each golden record with its current hashes, by rule (a record with no value for a
     * rule's fields has no entry for it; a deleted record has none at all).
     */
    public void index(Connection connection, String domain, Map<String, Map<String, String>> hashesByRecord) throws SQLException {
        if (hashesByRecord.isEmpty()) {
            return;
        }
        for (List<String> chunk : Sql.chunks(hashesByRecord.keySet())) {
            Sql.update(connection, "delete from identity_match where domain_name = ? and canonical_id in " + Sql.in(chunk.size()), s -> {
                s.setString(1, domain);
                for (int i = 0; i < chunk.size(); i++) {
                    s.setString(i + 2, chunk.get(i));
                }
            });
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into identity_match (domain_name, rule_name, match_hash, canonical_id) values (?, ?, ?, ?)")) {
            for (Map.Entry<String, Map<String, String>> record : hashesByRecord.entrySet()) {
                for (Map.Entry<String, String> rule : record.getValue().entrySet()) {
                    insert.setString(1, domain);
                    insert.setString(2, rule.getKey());
                    insert.setString(3, rule.getValue());
                    insert.setString(4, record.getKey());
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }
}
