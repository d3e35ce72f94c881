package dev.accord.engine;

import dev.accord.store.AccordStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Where {@link IdentityFixture}'s three systems (crm, billing, support) and its Accord store live: each in an in-memory
 * H2 database; each in a PostgreSQL schema of its own (store in another); or each in a MariaDB database of its own
 * (store in a PostgreSQL schema, as the other MariaDB ITs keep it). The kind also writes the systems' DDL: the CRM's
 * database numbers its rows itself ({@code crm-1} from an H2 sequence default, {@code generated always as identity} on
 * PostgreSQL, {@code AUTO_INCREMENT} on MariaDB) and Accord's id goes to its {@code accord_id} column.
 * PostgreSQL and MariaDB are the local servers (127.0.0.1, postgres / root, no password); every name made starts {@code idit_}.
 */
public enum IdentityDatabase {
    H2, POSTGRES, MARIADB;

    static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    static final String MARIADB_URL = "jdbc:mariadb://127.0.0.1:3306/";

    /** How the contract's {@code kind:} spells it. */
    public String kind() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The JDBC URL of one system's database; {@code run} makes the names this fixture's own. */
    String url(String system, String run) {
        return switch (this) {
            case H2 -> "jdbc:h2:mem:" + system + run + ";DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE";
            case POSTGRES -> POSTGRES_URL + "?currentSchema=" + name(system, run);
            case MARIADB -> MARIADB_URL + name(system, run);
        };
    }

    String user() {
        return switch (this) {
            case H2 -> "sa";
            case POSTGRES -> "postgres";
            case MARIADB -> "root";
        };
    }

    /** Makes the system's schema or database (an H2 database makes itself) and its tables. */
    void create(String system, String run) throws SQLException {
        switch (this) {
            case POSTGRES -> admin(POSTGRES_URL, "postgres", "create schema " + name(system, run));
            case MARIADB -> admin(MARIADB_URL, "root", "create database " + name(system, run));
            default -> { }
        }
        try (Connection connection = DriverManager.getConnection(url(system, run), user(), "");
             Statement statement = connection.createStatement()) {
            for (String sql : ddl().get(system)) {
                statement.execute(sql);
            }
        }
    }

    /** Per system, the statements that make its table. */
    Map<String, List<String>> ddl() {
        String generatedId = switch (this) {
            case H2 -> "varchar(40) default ('crm-' || next value for crm_ids) primary key";
            case POSTGRES -> "bigint generated always as identity primary key";
            case MARIADB -> "bigint auto_increment primary key";
        };
        String now = this == MARIADB ? "datetime(6) default current_timestamp(6)" : "timestamp default localtimestamp";
        List<String> crm = List.of("create table crm_people (id " + generatedId + ", accord_id varchar(64) unique,"
                + " full_name varchar(200), email varchar(254), tax_id varchar(20), country varchar(2),"
                + " updated_at " + now + " not null, row_version bigint not null)");
        return Map.of(
                "crm", this == H2 ? List.of("create sequence crm_ids", crm.get(0)) : crm,
                "billing", List.of("create table billing_accounts (account_ref varchar(64) primary key, holder varchar(200),"
                        + " contact_email varchar(254), modified_at " + now + " not null, version bigint not null)"),
                "support", List.of("create table support_contacts (contact_id varchar(64) primary key, display_name varchar(200),"
                        + " email varchar(254), changed_at " + now + " not null, row_version bigint not null)"));
    }

    /** Empties the CRM's table and starts its numbering again at 1. */
    String restartCrm() {
        return switch (this) {
            case H2 -> "alter sequence crm_ids restart with 1";
            case POSTGRES -> "alter table crm_people alter column id restart with 1";
            case MARIADB -> "alter table crm_people auto_increment = 1";
        };
    }

    /** An SQL expression for the database's current local time moved by {@code seconds} (a later or earlier change). */
    public String now(int seconds) {
        return this == MARIADB ? "current_timestamp(6) + interval " + seconds + " second"
                : "localtimestamp + interval '" + seconds + "' second";
    }

    /** The JDBC URL of the Accord store (what {@code accord … --store} takes). */
    String storeUrl(String run) {
        return this == H2 ? "jdbc:h2:mem:store" + run + ";DB_CLOSE_DELAY=-1" : POSTGRES_URL + "?currentSchema=" + name("store", run);
    }

    /** The schema the store's tables are in, as the database's information schema names it. */
    String storeSchema(String run) {
        return this == H2 ? "PUBLIC" : name("store", run);
    }

    /** Empties the given store tables at once, whatever their references to each other. */
    List<String> truncate(List<String> tables) {
        List<String> quoted = tables.stream().map(t -> "\"" + t + "\"").toList();
        if (this == H2) {
            List<String> statements = new java.util.ArrayList<>(List.of("set referential_integrity false"));
            quoted.forEach(t -> statements.add("truncate table " + t));
            statements.add("set referential_integrity true");
            return statements;
        }
        return List.of("truncate table " + String.join(", ", quoted) + " cascade");
    }

    /** The store's user (what {@code --store-user} takes). */
    String storeUser() {
        return this == H2 ? "sa" : "postgres";
    }

    /** The Accord store: in-memory H2 for H2 systems, else a PostgreSQL schema of its own. */
    AccordStore openStore(String run) throws SQLException {
        String url = storeUrl(run);
        if (this == H2) {
            JdbcDataSource source = new JdbcDataSource();
            source.setURL(url);
            source.setUser(storeUser());
            return AccordStore.open(source, url);
        }
        admin(POSTGRES_URL, "postgres", "create schema " + name("store", run));
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL(url);
        source.setUser("postgres");
        return AccordStore.open(source, url);
    }

    /** Drops what {@link #create} and {@link #openStore} made on the servers (H2's memory goes with the JVM). */
    void drop(List<String> systems, String run) {
        for (String system : systems) {
            try {
                switch (this) {
                    case POSTGRES -> admin(POSTGRES_URL, "postgres", "drop schema if exists " + name(system, run) + " cascade");
                    case MARIADB -> admin(MARIADB_URL, "root", "drop database if exists " + name(system, run));
                    default -> { }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not drop " + name(system, run), e);
            }
        }
        if (this != H2) {
            try {
                admin(POSTGRES_URL, "postgres", "drop schema if exists " + name("store", run) + " cascade");
            } catch (SQLException e) {
                throw new IllegalStateException("could not drop the store", e);
            }
        }
    }

    private static String name(String system, String run) {
        return "idit_" + run + "_" + system;
    }

    private static void admin(String url, String user, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, ""); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
