package dev.accord.store;

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
 * The cross-reference of systems that keep their own ids: which golden record (canonical id) each system's local id
 * stands for, one local id per golden record and system, with every link's history (how it was made: a new record, a
 * match rule, an id the system assigned, a steward).
 */
public final class IdentityLinks {

    /** How a link was made. */
    public static final String NEW = "new";
    public static final String MATCHED = "matched";
    public static final String ASSIGNED = "assigned";
    public static final String CREATED = "created";
    public static final String STEWARD = "steward";

    private final StoreDialect dialect;
    private final Clock clock;

    IdentityLinks(StoreDialect dialect, Clock clock) {
        this.dialect = dialect;
        this.clock = clock;
    }

    /**
     * One link of a local id to a canonical id.
     *
     * @param how {@link #NEW}, {@link #MATCHED}, {@link #ASSIGNED}, {@link #CREATED} or {@link #STEWARD}
     * @param rule the match rule that found the golden record, for {@link #MATCHED}; else null
     */
    public record Link(String domain, String system, String localId, String canonicalId, String how, String rule, String runId) {}

    /** The canonical id of each given local id of {@code system} that is linked; unlinked ids are absent. */
    public Map<String, String> canonicalIds(Connection connection, String domain, String system, Collection<String> localIds)
            throws SQLException {
        Map<String, String> result = new HashMap<>();
        Sql.byKeys(connection, dialect, "local_id, canonical_id", "identity_link", List.of("domain_name", "system_name"),
                List.of(domain, system), "local_id", localIds, row -> result.put(row.getString(1), row.getString(2)));
        return result;
    }

    /** The local id in {@code system} of each given canonical id it holds; canonical ids it does not hold are absent. */
    public Map<String, String> localIds(Connection connection, String domain, String system, Collection<String> canonicalIds)
            throws SQLException {
        Map<String, String> result = new HashMap<>();
        Sql.byKeys(connection, dialect, "canonical_id, local_id", "identity_link", List.of("domain_name", "system_name"),
                List.of(domain, system), "canonical_id", canonicalIds, row -> result.put(row.getString(1), row.getString(2)));
        return result;
    }

    /** Every system's link to one golden record, by system. */
    public List<Link> ofRecord(Connection connection, String domain, String canonicalId) throws SQLException {
        return Sql.query(connection, "select system_name, local_id, how, match_rule, run_id from identity_link"
                        + " where domain_name = ? and canonical_id = ? order by system_name",
                s -> {
                    s.setString(1, domain);
                    s.setString(2, canonicalId);
                }, row -> new Link(domain, row.getString(1), row.getString(2), canonicalId, row.getString(3), row.getString(4),
                        row.getString(5)));
    }

    /**
     * Records new links, each with its history row. A local id already linked, or a golden record the system already
     * holds another row for, is refused by the store's keys ({@link SQLException}): a link is never silently moved.
     *
     * @param by who made the links (a worker, a steward's name)
     */
    public void link(Connection connection, Collection<Link> links, String by) throws SQLException {
        if (links.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        try (PreparedStatement insert = connection.prepareStatement("insert into identity_link (domain_name, system_name, local_id,"
                + " canonical_id, how, match_rule, run_id, linked_at) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Link link : links) {
                insert.setString(1, link.domain());
                insert.setString(2, link.system());
                insert.setString(3, link.localId());
                insert.setString(4, link.canonicalId());
                insert.setString(5, link.how());
                insert.setString(6, link.rule());
                insert.setString(7, link.runId());
                Sql.setTime(insert, 8, now);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        history(connection, links, null, by, now);
    }

    /**
     * Links local ids to canonical ids, replacing what either was linked to before in its system (a row a rollback
     * removed, then created again with a new id by a system that assigns its ids); each change gets a history row.
     */
    public void replace(Connection connection, Collection<Link> links, String by) throws SQLException {
        for (Link link : links) {
            Sql.update(connection, "delete from identity_link where domain_name = ? and system_name = ? and (local_id = ? or canonical_id = ?)",
                    s -> {
                        s.setString(1, link.domain());
                        s.setString(2, link.system());
                        s.setString(3, link.localId());
                        s.setString(4, link.canonicalId());
                    });
        }
        link(connection, links, by);
    }

    private void history(Connection connection, Collection<Link> links, String oldCanonicalId, String by, Instant now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into identity_link_history (domain_name, system_name,"
                + " local_id, old_canonical_id, new_canonical_id, how, match_rule, run_id, changed_by, changed_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Link link : links) {
                insert.setString(1, link.domain());
                insert.setString(2, link.system());
                insert.setString(3, link.localId());
                insert.setString(4, oldCanonicalId);
                insert.setString(5, link.canonicalId());
                insert.setString(6, link.how());
                insert.setString(7, link.rule());
                insert.setString(8, link.runId());
                insert.setString(9, by);
                Sql.setTime(insert, 10, now);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
