package dev.accord.connectors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The target contract on the local PostgreSQL (inserts through ON CONFLICT DO NOTHING). */
class PostgresTargetIT extends JdbcTargetContract {

    @Override
    TestDatabase database() {
        return TestDatabase.postgres();
    }

    @Test
    void pooledSessionsRunInUtcWhateverTheWorkersZone() throws SQLException {
        try (Connection connection = fx.connectors.dataSource("dst").getConnection();
             Statement statement = connection.createStatement();
             ResultSet zone = statement.executeQuery("SHOW TIME ZONE")) {
            zone.next();
            assertThat(zone.getString(1)).isEqualTo("UTC");
        }
    }
}
