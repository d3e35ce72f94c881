package dev.accord.engine;

import dev.accord.connectors.TargetConnector;
import dev.accord.connectors.jdbc.JdbcConnectors;
import dev.accord.core.contract.Contract;
import dev.accord.core.contract.ContractLoader;
import dev.accord.core.page.PageRef;
import dev.accord.core.page.RunRef;
import dev.accord.store.AccordStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The demo contract's three systems and an Accord store, each a fresh in-memory H2 database, wired into a
 * {@link Engine} the way the worker wires it. {@link #targetWrapper} lets a test step in front of a
 * target connector (to play a concurrent writer).
 */
public final class HubFixture implements AutoCloseable {

    static final Path DEMO_CONTRACT = Path.of("..", "examples", "demo", "demo-h2.contract.yaml");

    public final Contract contract;
    final Map<String, String> environment = new HashMap<>();
    final JdbcConnectors jdbc;
    public final AccordStore store;
    public final Engine engine;
    UnaryOperator<TargetConnector> targetWrapper = UnaryOperator.identity();

    public HubFixture() throws SQLException {
        this(UnaryOperator.identity());
    }

    /** @param edit changes the demo contract's text first (for example another merge strategy) */
    public HubFixture(UnaryOperator<String> edit) throws SQLException {
        try {
            contract = new ContractLoader().load(edit.apply(java.nio.file.Files.readString(DEMO_CONTRACT)), "demo.contract.yaml",
                    DEMO_CONTRACT.toAbsolutePath().getParent());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (String system : new String[] {"crm", "billing", "support"}) {
            environment.put(system.toUpperCase() + "_JDBC_URL", "jdbc:h2:mem:" + system + run + ";DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE");
            environment.put(system.toUpperCase() + "_DB_USER", "sa");
        }
        execute("crm", "create table crm_customers (id varchar(16) primary key, full_name varchar(200), email varchar(254),"
                + " phone varchar(40), status_code char(1), signup_date date, plan varchar(20), updated_at timestamp not null,"
                + " row_version bigint not null, deleted_at timestamp)");
        execute("billing", "create table billing_accounts (customer_ref varchar(16) primary key, contact_email varchar(254),"
                + " plan_code varchar(8), payment_status varchar(16), credit_limit_cents bigint,"
                + " modified_at timestamp default localtimestamp not null, version bigint not null)");
        execute("support", "create table support_contacts (customer_id varchar(16) primary key, display_name varchar(200),"
                + " email varchar(254), phone varchar(40), status varchar(16), plan varchar(20),"
                + " changed_at timestamp default localtimestamp not null, row_version bigint not null)");
        jdbc = new JdbcConnectors(contract, environment::get);
        JdbcDataSource storeSource = new JdbcDataSource();
        String storeUrl = "jdbc:h2:mem:store" + run + ";DB_CLOSE_DELAY=-1";
        storeSource.setURL(storeUrl);
        store = AccordStore.open(storeSource, storeUrl);
        engine = Engine.of(contract, store, new SteppedConnectors(jdbc::source, jdbc::target, () -> targetWrapper), new WorkerIdentity("test", "unit"));
    }

    public static PageRef page(String flow, String runId, long page) {
        return new PageRef(flow, new RunRef("sync/" + flow, runId, runId + "-x"), page);
    }

    public void execute(String system, String sql) throws SQLException {
        try (Connection connection = connection(system); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    Connection connection(String system) throws SQLException {
        return DriverManager.getConnection(environment.get(system.toUpperCase() + "_JDBC_URL"), "sa", "");
    }

    /** One column of one row, or null when the row does not exist. */
    Object value(String system, String table, String keyColumn, String key, String column) throws SQLException {
        try (Connection connection = connection(system);
             var statement = connection.prepareStatement("select " + column + " from " + table + " where " + keyColumn + " = ?")) {
            statement.setString(1, key);
            try (var rows = statement.executeQuery()) {
                return rows.next() ? rows.getObject(1) : null;
            }
        }
    }

    /** The count a query over one system's database returns. */
    long count(String system, String sql) throws SQLException {
        try (Connection connection = connection(system); Statement statement = connection.createStatement();
             var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    public long count(String sql) {
        return store.inTransaction(c -> {
            try (Statement statement = c.createStatement(); var rows = statement.executeQuery(sql)) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    @Override
    public void close() {
        jdbc.close();
    }
}
