package dev.accord.cli.demo;

import dev.accord.demodesk.SupportDesk;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The demo's three systems: a CRM (wall-clock time in Europe/Berlin) and a billing system, each in its own
 * embedded H2 database under the demo folder, and a support desk behind an HTTP API on 127.0.0.1 (ETags,
 * If-Match, paging, rate limits). Each bumps its change-tracking timestamp on every update, as the real
 * applications' triggers would, so Accord's own writes come back through the cursors and are recognised
 * as echoes.
 */
final class DemoSystems implements AutoCloseable {

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
    static final String SUPPORT_TOKEN = "demo-support-token";
    /** Requests a second the support desk's API takes before it answers 429; Accord's own limit is set a little above. */
    static final int SUPPORT_QUOTA = 400;

    private final Map<String, String> urls = new LinkedHashMap<>();
    private final SupportDesk support = new SupportDesk(SUPPORT_TOKEN);

    DemoSystems(Path folder) {
        urls.put("CRM_JDBC_URL", url(folder, "crm", "Europe/Berlin"));
        urls.put("BILLING_JDBC_URL", url(folder, "billing", "UTC"));
    }

    /** Environment variable name to setting (JDBC URLs, the support API's URL and token), as the demo contract expects them. */
    Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>(urls);
        environment.put("CRM_DB_USER", "sa");
        environment.put("BILLING_DB_USER", "sa");
        environment.put("SUPPORT_API_URL", support.baseUrl());
        environment.put("SUPPORT_API_TOKEN", SUPPORT_TOKEN);
        return environment;
    }

    /** Creates the CRM and billing tables and starts the support desk's API on a free local port. */
    void create() throws SQLException {
        execute("CRM_JDBC_URL", CRM);
        execute("BILLING_JDBC_URL", BILLING);
        support.faults().rateLimit(SUPPORT_QUOTA);
        support.start();
    }

    Connection crm() throws SQLException {
        return open("CRM_JDBC_URL");
    }

    Connection billing() throws SQLException {
        return open("BILLING_JDBC_URL");
    }

    /** The support desk: its contacts, its faults and the answers it gave. */
    SupportDesk support() {
        return support;
    }

    @Override
    public void close() {
        support.close();
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
