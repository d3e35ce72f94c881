package dev.accord.activities.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** The audit trail of the HTTP API: every request that changes state, by whom, and how it ended. */
public final class ApiAudit {

    public record Entry(String caller, String roles, String method, String path, int status, String detail, Instant at) {}

    public void record(Connection connection, Entry entry) throws SQLException {
        Sql.update(connection, "insert into api_audit (caller, roles, method, path, status, detail, at) values (?, ?, ?, ?, ?, ?, ?)", s -> {
            s.setString(1, entry.caller());
            s.setString(2, entry.roles());
            s.setString(3, entry.method());
            s.setString(4, entry.path());
            s.setInt(5, entry.status());
            s.setString(6, entry.detail());
            Sql.setTime(s, 7, entry.at());
        });
    }

    public List<Entry> recent(Connection connection, int limit) throws SQLException {
        return Sql.query(connection, "select * from api_audit order by id desc limit " + limit, s -> { },
                r -> new Entry(r.getString("caller"), r.getString("roles"), r.getString("method"), r.getString("path"),
                        r.getInt("status"), r.getString("detail"), Sql.time(r, "at")));
    }
}
