package dev.accord.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Field changes parked for a human decision, one open review per field. */
public final class ReviewQueue {

    private final Clock clock;

    public static final String PENDING = "pending";
    private static final List<String> COLUMNS = List.of("review_id", "domain_name", "record_key", "field_name", "proposed_json",
            "proposed_version_json", "current_json", "current_version_json", "reason", "flow", "run_id", "status", "default_action",
            "deadline", "created_at");

    private final StoreDialect dialect;

    ReviewQueue(StoreDialect dialect, Clock clock) {
        this.clock = clock;
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
                         String defaultAction, Instant deadline, String decidedBy, String note, Instant decidedAt, Instant createdAt) {

        /** A builder with every component unset (null, 0, false): name only what the review has. */
        public static Builder builder() {
            return new Builder();
        }

        /** Builds a {@link Review} by naming its components. */
        public static final class Builder {
            private String id;
            private String domain;
            private String key;
            private String field;
            private String proposedJson;
            private String proposedVersionJson;
            private String currentJson;
            private String currentVersionJson;
            private String reason;
            private String flow;
            private String runId;
            private String status;
            private String defaultAction;
            private Instant deadline;
            private String decidedBy;
            private String note;
            private Instant decidedAt;
            private Instant createdAt;

            private Builder() {}

            public Builder id(String id) {
                this.id = id;
                return this;
            }

            public Builder domain(String domain) {
                this.domain = domain;
                return this;
            }

            public Builder key(String key) {
                this.key = key;
                return this;
            }

            public Builder field(String field) {
                this.field = field;
                return this;
            }

            public Builder proposedJson(String proposedJson) {
                this.proposedJson = proposedJson;
                return this;
            }

            public Builder proposedVersionJson(String proposedVersionJson) {
                this.proposedVersionJson = proposedVersionJson;
                return this;
            }

            public Builder currentJson(String currentJson) {
                this.currentJson = currentJson;
                return this;
            }

            public Builder currentVersionJson(String currentVersionJson) {
                this.currentVersionJson = currentVersionJson;
                return this;
            }

            public Builder reason(String reason) {
                this.reason = reason;
                return this;
            }

            public Builder flow(String flow) {
                this.flow = flow;
                return this;
            }

            public Builder runId(String runId) {
                this.runId = runId;
                return this;
            }

            public Builder status(String status) {
                this.status = status;
                return this;
            }

            public Builder defaultAction(String defaultAction) {
                this.defaultAction = defaultAction;
                return this;
            }

            public Builder deadline(Instant deadline) {
                this.deadline = deadline;
                return this;
            }

            public Builder decidedBy(String decidedBy) {
                this.decidedBy = decidedBy;
                return this;
            }

            public Builder note(String note) {
                this.note = note;
                return this;
            }

            public Builder decidedAt(Instant decidedAt) {
                this.decidedAt = decidedAt;
                return this;
            }

            public Builder createdAt(Instant createdAt) {
                this.createdAt = createdAt;
                return this;
            }

            public Review build() {
                return new Review(id, domain, key, field, proposedJson, proposedVersionJson, currentJson, currentVersionJson, reason, flow, runId, status, defaultAction, deadline, decidedBy, note, decidedAt, createdAt);
            }
        }
    }

    public static String idOf(String domain, String key, String field) {
        return domain + "/" + key + "/" + field;
    }

    /** Parks proposals; a pending review of the same field is replaced by the newer proposal. */
    public void park(Connection connection, Collection<Review> reviews) throws SQLException {
        Instant now = clock.instant();
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
                    Sql.setTime(s, 4, clock.instant());
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
