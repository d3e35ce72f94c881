package dev.accord.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * The audit trail of the HTTP API: every request that changes state or reveals records, and every refused one,
 * by whom, and how it ended. Whatever a client sends fits ({@link StoreText}): an odd method or a path of any
 * length is recorded, never the reason the request fails.
 */
public final class ApiAudit {

    public record Entry(String caller, String roles, String method, String path, int status, String detail, Instant at) {}

    public void record(Connection connection, Entry entry) throws SQLException {
        Sql.update(connection, "insert into api_audit (caller, roles, method, path, status, detail, at) values (?, ?, ?, ?, ?, ?, ?)", s -> {
            s.setString(1, StoreText.fit(entry.caller(), 128));
            s.setString(2, StoreText.fit(entry.roles(), 128));
            s.setString(3, StoreText.fit(entry.method(), 32));
            s.setString(4, StoreText.storable(entry.path()));
            s.setInt(5, entry.status());
            s.setString(6, StoreText.storable(entry.detail()));
            Sql.setTime(s, 7, entry.at());
        });
    }

    public List<Entry> recent(Connection connection, int limit) throws SQLException {
        return Sql.query(connection, "select * from api_audit order by id desc limit " + limit, s -> { },
                r -> new Entry(r.getString("caller"), r.getString("roles"), r.getString("method"), r.getString("path"),
                        r.getInt("status"), r.getString("detail"), Sql.time(r, "at")));
    }
}
