package dev.accord.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** Two stores in two schemas of one PostgreSQL database: each migrated into its own schema, neither sees the other. */
class StoreSchemaIT {

    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";

    private final String prefix = "hq2_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    private final String billing = prefix + "_billing";
    private final String support = prefix + "_support";

    @AfterEach
    void dropSchemas() {
        execute("drop schema if exists " + billing + " cascade", "drop schema if exists " + support + " cascade");
    }

    @Test
    void eachStoreIsMigratedIntoItsOwnSchemaCreatedIfMissingAndKeepsItsStateThere() {
        AccordStore first = open(billing);
        AccordStore second = open(support);

        first.inTransaction(c -> {
            first.killSwitch().set(c, true, "billing is migrating", "otto");
            return null;
        });

        assertThat(second.inTransaction(second.killSwitch()::state).engaged()).isFalse();
        assertThat(first.inTransaction(first.killSwitch()::state).engaged()).isTrue();
        AccordStore reopened = open(billing);
        assertThat(reopened.inTransaction(reopened.killSwitch()::state).reason()).isEqualTo("billing is migrating");
        assertThat(tables(billing)).contains("accord_schema_history", "golden_record", "change_log", "sync_run");
        assertThat(tables(support)).contains("accord_schema_history", "golden_record", "change_log", "sync_run");
    }

    @Test
    void connectionsThatDoNotWorkInTheSchemaAreRefused() {
        PGSimpleDataSource elsewhere = new PGSimpleDataSource();
        elsewhere.setURL(POSTGRES);
        elsewhere.setUser("postgres");

        assertThatThrownBy(() -> AccordStore.open(elsewhere, POSTGRES, billing)).isInstanceOf(StoreException.class)
                .hasMessageContaining("work in schema 'public', not in the store schema '" + billing + "'");
    }

    private static AccordStore open(String schema) {
        String url = StoreSchema.url(POSTGRES, schema);
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL(url);
        source.setUser("postgres");
        return AccordStore.open(source, url, schema);
    }

    private static List<String> tables(String schema) {
        List<String> tables = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(POSTGRES, "postgres", "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select table_name from information_schema.tables where table_schema = '" + schema + "'")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return tables;
    }

    private static void execute(String... statements) {
        try (Connection connection = DriverManager.getConnection(POSTGRES, "postgres", ""); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
