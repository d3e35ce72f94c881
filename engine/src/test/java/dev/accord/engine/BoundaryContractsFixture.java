package dev.accord.engine;

import dev.accord.connectors.jdbc.JdbcConnectors;
import dev.accord.core.contract.Contract;
import dev.accord.core.contract.ContractLoader;
import dev.accord.store.AccordStore;
import java.io.IOException;
import java.nio.file.Files;
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
 * The example contract with a reference field ({@code referred_by}, a customer's key) and edits of the test's
 * choosing, its support desk in an in-memory H2 database, and an Accord store: enough to take golden records
 * through the egress boundary.
 */
final class BoundaryContractsFixture implements AutoCloseable {

    static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();

    final Contract contract;
    final AccordStore store;
    final Engine engine;
    private final JdbcConnectors jdbc;
    private final Map<String, String> environment = new HashMap<>();

    /** @param edit changes to the example contract's text (after referred_by is added) */
    BoundaryContractsFixture(Path folder, UnaryOperator<String> edit) throws IOException, SQLException {
        String schema = Files.readString(EXAMPLES.resolve("schemas/customer.schema.json"))
                .replace("\"credit_limit\": {", "\"referred_by\": { \"type\": [\"string\", \"null\"] },\n    \"credit_limit\": {");
        String text = Files.readString(EXAMPLES.resolve("customers.contract.yaml"))
                .replace("  support:\n    kind: postgres\n", "  support:\n    kind: h2\n")
                .replace("          plan: plan\n", "          plan: plan\n          referred_by: referred_by\n")
                .replace("      credit_limit:\n        owner: billing\n", "      referred_by:\n        owner: crm\n        references: customer\n"
                        + "      credit_limit:\n        owner: billing\n");
        Files.createDirectories(folder.resolve("schemas"));
        Files.writeString(folder.resolve("schemas/customer.schema.json"), schema);
        Files.writeString(folder.resolve("contract.yaml"), edit.apply(text));
        contract = new ContractLoader().load(folder.resolve("contract.yaml"));
        String run = UUID.randomUUID().toString().substring(0, 8);
        environment.put("SUPPORT_JDBC_URL", "jdbc:h2:mem:support" + run + ";DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE");
        environment.put("SUPPORT_DB_USER", "sa");
        try (Connection c = DriverManager.getConnection(environment.get("SUPPORT_JDBC_URL"), "sa", ""); Statement s = c.createStatement()) {
            s.execute("create table support_contacts (customer_id varchar(16) primary key, display_name varchar(200), email varchar(254),"
                    + " phone varchar(40), status varchar(16), plan varchar(20), referred_by varchar(16),"
                    + " changed_at timestamp default localtimestamp not null, row_version bigint not null)");
        }
        jdbc = new JdbcConnectors(contract, environment::get);
        JdbcDataSource source = new JdbcDataSource();
        String url = "jdbc:h2:mem:store" + run + ";DB_CLOSE_DELAY=-1";
        source.setURL(url);
        store = AccordStore.open(source, url);
        engine = Engine.of(contract, store, new SteppedConnectors(jdbc::source, jdbc::target, UnaryOperator::identity), new WorkerIdentity("test", "unit"));
    }

    Object supportValue(String key, String column) throws SQLException {
        try (Connection c = DriverManager.getConnection(environment.get("SUPPORT_JDBC_URL"), "sa", "");
             var s = c.prepareStatement("select " + column + " from support_contacts where customer_id = ?")) {
            s.setString(1, key);
            try (var rows = s.executeQuery()) {
                return rows.next() ? rows.getObject(1) : null;
            }
        }
    }

    long count(String sql) {
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
