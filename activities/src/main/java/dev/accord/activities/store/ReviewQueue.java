package dev.accord.activities.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Field changes parked for a human decision, one open review per field. */
public final class ReviewQueue {

    public static final String PENDING = "pending";
    private static final List<String> COLUMNS = List.of("review_id", "domain_name", "record_key", "field_name", "proposed_json",
            "proposed_version_json", "current_json", "current_version_json", "reason", "flow", "run_id", "status", "default_action",
            "deadline", "created_at");

    private final StoreDialect dialect;

    ReviewQueue(StoreDialect dialect) {
        this.dialect = dialect;
    }

    /**
     * One review.
     *
     * @param id {@code <domain>/<key>/<field>}; the review workflow is {@code review/<id>}
     * @param status pending, approved, rejected, edited, superseded (the field changed meanwhile)
     * @param defaultAction approve or reject: what happens when the deadline passes
     */
    public record Review(String id, String domain, String key, String field, String proposedJson, String proposedVersionJson,
                         String currentJson, String currentVersionJson, String reason, String flow, String runId, String status,
                         String defaultAction, Instant deadline, String decidedBy, String note, Instant decidedAt, Instant createdAt) {}

    public static String idOf(String domain, String key, String field) {
        return domain + "/" + key + "/" + field;
    }

    /** Parks proposals; a pending review of the same field is replaced by the newer proposal. */
    public void park(Connection connection, Collection<Review> reviews) throws SQLException {
        Instant now = Instant.now();
        for (Review r : reviews) {
            Sql.update(connection, dialect.upsert("review_queue", COLUMNS, List.of("review_id")), s -> {
                s.setString(1, r.id());
                s.setString(2, r.domain());
                s.setString(3, r.key());
                s.setString(4, r.field());
                s.setString(5, r.proposedJson());
                s.setString(6, r.proposedVersionJson());
                s.setString(7, r.currentJson());
                s.setString(8, r.currentVersionJson());
                s.setString(9, r.reason());
                s.setString(10, r.flow());
                s.setString(11, r.runId());
                s.setString(12, PENDING);
                s.setString(13, r.defaultAction());
                Sql.setTime(s, 14, r.deadline());
                Sql.setTime(s, 15, now);
            });
        }
    }

    public Optional<Review> find(Connection connection, String id) throws SQLException {
        return Sql.query(connection, "select * from review_queue where review_id = ?", s -> s.setString(1, id), ReviewQueue::read)
                .stream().findFirst();
    }

    /** Reviews in a status (null: all), oldest first. */
    public List<Review> list(Connection connection, String status, int limit) throws SQLException {
        return Sql.query(connection, "select * from review_queue" + (status == null ? "" : " where status = ?")
                + " order by created_at limit " + limit, s -> {
                    if (status != null) {
                        s.setString(1, status);
                    }
                }, ReviewQueue::read);
    }

    public long countPending(Connection connection) throws SQLException {
        return Sql.query(connection, "select count(*) from review_queue where status = 'pending'", s -> { }, r -> r.getLong(1)).get(0);
    }

    /** Closes a pending review; false when it was already closed (a retried decision changes nothing). */
    public boolean close(Connection connection, String id, String status, String by, String note) throws SQLException {
        return Sql.update(connection, "update review_queue set status = ?, decided_by = ?, decision_note = ?, decided_at = ?"
                + " where review_id = ? and status = 'pending'", s -> {
                    s.setString(1, status);
                    s.setString(2, by);
                    s.setString(3, note);
                    Sql.setTime(s, 4, Instant.now());
                    s.setString(5, id);
                }) == 1;
    }

    private static Review read(ResultSet r) throws SQLException {
        return new Review(r.getString("review_id"), r.getString("domain_name"), r.getString("record_key"), r.getString("field_name"),
                r.getString("proposed_json"), r.getString("proposed_version_json"), r.getString("current_json"),
                r.getString("current_version_json"), r.getString("reason"), r.getString("flow"), r.getString("run_id"),
                r.getString("status"), r.getString("default_action"), Sql.time(r, "deadline"), r.getString("decided_by"),
                r.getString("decision_note"), Sql.time(r, "decided_at"), Sql.time(r, "created_at"));
    }
}
