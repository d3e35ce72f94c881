package dev.accord.cli.demo;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The demo's three systems, each in its own embedded H2 database under the demo folder: a CRM (wall-clock
 * time in Europe/Berlin), a billing system and a support desk. Each table bumps its change-tracking
 * timestamp on every update, as the real applications' triggers would, so Accord's own writes come back
 * through the cursors and are recognised as echoes.
 */
final class DemoSystems {

    private static final String CRM = """
            create table crm_customers (
                id varchar(16) primary key,
                full_name varchar(200),
                email varchar(254),
                phone varchar(40),
                status_code char(1),
                signup_date date,
                plan varchar(20),
                updated_at timestamp default localtimestamp on update localtimestamp not null,
                row_version bigint not null,
                deleted_at timestamp)""";
    private static final String BILLING = """
            create table billing_accounts (
                customer_ref varchar(16) primary key,
                contact_email varchar(254),
                plan_code varchar(8),
                payment_status varchar(16),
                credit_limit_cents bigint,
                modified_at timestamp default localtimestamp on update localtimestamp not null,
                version bigint not null)""";
    private static final String SUPPORT = """
            create table support_contacts (
                customer_id varchar(16) primary key,
                display_name varchar(200),
                email varchar(254),
                phone varchar(40),
                status varchar(16),
                plan varchar(20),
                changed_at timestamp default localtimestamp on update localtimestamp not null,
                row_version bigint not null)""";

    private final Map<String, String> urls = new LinkedHashMap<>();

    DemoSystems(Path folder) {
        urls.put("CRM_JDBC_URL", url(folder, "crm", "Europe/Berlin"));
        urls.put("BILLING_JDBC_URL", url(folder, "billing", "UTC"));
        urls.put("SUPPORT_JDBC_URL", url(folder, "support", "UTC"));
    }

    /** Environment variable name to JDBC URL, as the demo contract expects them. */
    Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>(urls);
        environment.put("CRM_DB_USER", "sa");
        environment.put("BILLING_DB_USER", "sa");
        environment.put("SUPPORT_DB_USER", "sa");
        return environment;
    }

    void create() throws SQLException {
        execute("CRM_JDBC_URL", CRM);
        execute("BILLING_JDBC_URL", BILLING);
        execute("SUPPORT_JDBC_URL", SUPPORT);
    }

    Connection crm() throws SQLException {
        return open("CRM_JDBC_URL");
    }

    Connection billing() throws SQLException {
        return open("BILLING_JDBC_URL");
    }

    Connection support() throws SQLException {
        return open("SUPPORT_JDBC_URL");
    }

    private void execute(String system, String sql) throws SQLException {
        try (Connection connection = open(system); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private Connection open(String system) throws SQLException {
        return DriverManager.getConnection(urls.get(system), "sa", "");
    }

    private static String url(Path folder, String name, String zone) {
        return "jdbc:h2:file:" + folder.resolve(name).toAbsolutePath() + ";AUTO_SERVER=TRUE;DATABASE_TO_LOWER=TRUE;TIME ZONE=" + zone;
    }
}
