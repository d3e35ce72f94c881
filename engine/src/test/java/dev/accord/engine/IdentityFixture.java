package dev.accord.engine;

import dev.accord.connectors.SourceCursor;
import dev.accord.connectors.TargetConnector;
import dev.accord.connectors.SourcePage;
import dev.accord.connectors.SourceRow;
import dev.accord.connectors.jdbc.JdbcConnectors;
import dev.accord.core.contract.Contract;
import dev.accord.core.contract.ContractLoader;
import dev.accord.core.contract.FlowSpec;
import dev.accord.core.page.PageRef;
import dev.accord.core.page.RunRef;
import dev.accord.core.page.SourceRecord;
import dev.accord.store.AccordStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Three H2 systems that keep their own ids for the same people ({@code identity/identity.contract.yaml}): the CRM's
 * database numbers its rows ({@code crm-1}, …), billing takes Accord's canonical id for the rows Accord creates, and the
 * support desk's ids are its own ({@code S-…}); an Accord store; the engine over them; and syncs that read each source's
 * changes since the last sync, as the sync workflow does, one page at a time.
 */
final class IdentityFixture implements AutoCloseable {

    static final Path CONTRACT = Path.of("src", "test", "resources", "identity", "identity.contract.yaml");

    final Contract contract;
    final AccordStore store;
    final Engine engine;
    private final Map<String, String> environment = new HashMap<>();
    private final JdbcConnectors jdbc;
    private final PageFlow pageFlow;
    private final Map<String, SourceCursor> cursors = new HashMap<>();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private long page;
    /** Lets a test step in front of the target connectors (to crash right after a write landed). */
    UnaryOperator<TargetConnector> targetWrapper = UnaryOperator.identity();

    IdentityFixture() throws SQLException {
        this(UnaryOperator.identity());
    }

    IdentityFixture(UnaryOperator<String> edit) throws SQLException {
        try {
            contract = new ContractLoader().load(edit.apply(Files.readString(CONTRACT)), "identity.contract.yaml",
                    CONTRACT.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String system : new String[] {"crm", "billing", "support"}) {
            environment.put(system.toUpperCase() + "_JDBC_URL", "jdbc:h2:mem:" + system + run + ";DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE");
            environment.put(system.toUpperCase() + "_DB_USER", "sa");
        }
        execute("crm", "create sequence crm_ids");
        execute("crm", "create table crm_people (id varchar(40) default ('crm-' || next value for crm_ids) primary key,"
                + " accord_id varchar(64) unique, full_name varchar(200), email varchar(254), tax_id varchar(20), country varchar(2),"
                + " updated_at timestamp default localtimestamp not null, row_version bigint not null)");
        execute("billing", "create table billing_accounts (account_ref varchar(64) primary key, holder varchar(200),"
                + " contact_email varchar(254), modified_at timestamp default localtimestamp not null, version bigint not null)");
        execute("support", "create table support_contacts (contact_id varchar(64) primary key, display_name varchar(200),"
                + " email varchar(254), changed_at timestamp default localtimestamp not null, row_version bigint not null)");
        jdbc = new JdbcConnectors(contract, environment::get);
        JdbcDataSource storeSource = new JdbcDataSource();
        String storeUrl = "jdbc:h2:mem:store" + run + ";DB_CLOSE_DELAY=-1";
        storeSource.setURL(storeUrl);
        store = AccordStore.open(storeSource, storeUrl);
        engine = Engine.of(contract, store, new SteppedConnectors(jdbc, () -> targetWrapper), new WorkerIdentity("test", "unit"));
        Hub hub = engine.hub();
        pageFlow = engine.pageFlow(hub, engine.applier(hub));
    }

    /** The run id every page of this fixture runs under. */
    String runId() {
        return run;
    }

    /** Empties every system and the store, and forgets the syncs' cursors: a fresh start without a new database. */
    void reset() throws SQLException {
        execute("crm", "truncate table crm_people");
        execute("crm", "alter sequence crm_ids restart with 1");
        execute("billing", "truncate table billing_accounts");
        execute("support", "truncate table support_contacts");
        List<String> tables = new ArrayList<>();
        storeRows("select table_name from information_schema.tables where table_schema = 'PUBLIC' and table_type = 'BASE TABLE'"
                + " and table_name <> 'flyway_schema_history' and upper(table_name) <> 'KILL_SWITCH'").forEach(r -> tables.add(String.valueOf(r.get("table_name"))));
        store.inTransaction(c -> {
            try (Statement statement = c.createStatement()) {
                statement.execute("set referential_integrity false");
                for (String table : tables) {
                    statement.execute("truncate table \"" + table + "\"");
                }
                statement.execute("set referential_integrity true");
            }
            return null;
        });
        cursors.clear();
    }

    /** Reads the flow's source since its last sync and runs what it read as one page; answers what became of it. */
    PageFlow.Outcome sync(String flowName) {
        FlowSpec flow = contract.flow(flowName);
        SourcePage read = jdbc.source(flow.source(), flow.domain()).readChanges(cursors.getOrDefault(flowName, SourceCursor.BEGINNING), 10_000);
        cursors.put(flowName, read.next());
        return runPage(flow, read.rows());
    }

    /** Runs the given rows of the flow's source as one page (a retry, a duplicate, rows out of order). */
    PageFlow.Outcome runPage(FlowSpec flow, List<SourceRow> rows) {
        return runPage(flow, rows, ++page);
    }

    /** Runs the rows again as the last page ran: the retry of an attempt that died. */
    PageFlow.Outcome retryLastPage(FlowSpec flow, List<SourceRow> rows) {
        return runPage(flow, rows, page);
    }

    private PageFlow.Outcome runPage(FlowSpec flow, List<SourceRow> rows, long pageNo) {
        List<SourceRecord> records = rows.stream().map(r -> new SourceRecord(r.key(), r.sourceVersion(), r.timestamp(), r.deleted(),
                r.columns(), r.malformed(), r.unreadable())).toList();
        PageRef ref = new PageRef(flow.name(), new RunRef("sync/" + flow.name(), run, run + "-x"), pageNo);
        return pageFlow.run(ref, records, new PageFlow.Route(flow.source(), flow.targets(), false, false), () -> { }, false);
    }

    /** The current rows of a source, as its connector reads them. */
    List<SourceRow> rows(String flowName) {
        FlowSpec flow = contract.flow(flowName);
        return jdbc.source(flow.source(), flow.domain()).readChanges(SourceCursor.BEGINNING, 10_000).rows();
    }

    void execute(String system, String sql, Object... parameters) throws SQLException {
        try (Connection connection = connection(system); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.execute();
        }
    }

    /** Every row of one system's table: its id column's value to its other columns. */
    Map<String, Map<String, Object>> table(String system, String table, String keyColumn) throws SQLException {
        Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
        try (Connection connection = connection(system); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select * from " + table + " order by " + keyColumn)) {
            while (result.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
                    row.put(result.getMetaData().getColumnLabel(i).toLowerCase(), result.getObject(i));
                }
                rows.put(String.valueOf(row.get(keyColumn)), row);
            }
        }
        return rows;
    }

    /** Rows of a store query, each as column to value. */
    List<Map<String, Object>> storeRows(String sql) {
        return store.inTransaction(c -> {
            List<Map<String, Object>> rows = new ArrayList<>();
            try (Statement statement = c.createStatement(); ResultSet result = statement.executeQuery(sql)) {
                while (result.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
                        row.put(result.getMetaData().getColumnLabel(i).toLowerCase(), result.getObject(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        });
    }

    private Connection connection(String system) throws SQLException {
        return DriverManager.getConnection(environment.get(system.toUpperCase() + "_JDBC_URL"), "sa", "");
    }

    @Override
    public void close() {
        jdbc.close();
    }
}
