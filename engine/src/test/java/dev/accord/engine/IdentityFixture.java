package dev.accord.engine;

import dev.accord.connectors.SourceCursor;
import dev.accord.connectors.TargetConnector;
import dev.accord.connectors.SourcePage;
import dev.accord.connectors.SourceRow;
import dev.accord.connectors.TargetRow;
import dev.accord.connectors.TargetWrite;
import dev.accord.connectors.WriteResult;
import dev.accord.connectors.jdbc.JdbcConnectors;
import dev.accord.core.contract.Contract;
import dev.accord.core.contract.ContractLoader;
import dev.accord.core.contract.FlowSpec;
import dev.accord.core.page.PageRef;
import dev.accord.core.page.RunRef;
import dev.accord.core.page.SourceRecord;
import dev.accord.store.AccordStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Three systems that keep their own ids for the same people ({@code identity/identity.contract.yaml}): the CRM's
 * database numbers its rows ({@code crm-1}, … on H2; 1, … on PostgreSQL and MariaDB), billing takes Accord's canonical id
 * for the rows Accord creates, and the support desk's ids are its own ({@code S-…}); an Accord store; the engine over
 * them; and syncs that read each source's changes since the last sync, as the sync workflow does, one page at a time.
 * The systems live where {@link IdentityDatabase} puts them (H2 unless told), which also writes their DDL; the contract's
 * {@code kind: @KIND@} becomes that database's kind. Shared with the activities' tests (the engine's test jar).
 */
public final class IdentityFixture implements AutoCloseable {

    static final String[] SYSTEMS = {"crm", "billing", "support"};

    /** Billing as no flow's target: its only rows are its own (so a steward may link one of them to any golden record). */
    public static final UnaryOperator<String> BILLING_IS_NO_TARGET = contract -> contract
            .replace("source: crm, targets: [billing, support]", "source: crm, targets: [support]")
            .replace("source: support, targets: [crm, billing]", "source: support, targets: [crm]");

    public final IdentityDatabase database;
    /** The contract as loaded, in a file of its own (for the CLI's {@code --contract}), and the store's URL and user. */
    public final Path contractFile;
    public final String storeUrl;
    public final String storeUser;
    public final Contract contract;
    public final AccordStore store;
    public final Engine engine;
    private final Map<String, String> environment = new HashMap<>();
    private final JdbcConnectors jdbc;
    private final PageFlow pageFlow;
    private final Map<String, SourceCursor> cursors = new HashMap<>();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private long page;
    /** Lets a test step in front of the target connectors (to crash right after a write landed). */
    public UnaryOperator<TargetConnector> targetWrapper = UnaryOperator.identity();

    public IdentityFixture() throws SQLException {
        this(IdentityDatabase.H2);
    }

    public IdentityFixture(IdentityDatabase database) throws SQLException {
        this(database, UnaryOperator.identity());
    }

    public IdentityFixture(UnaryOperator<String> edit) throws SQLException {
        this(IdentityDatabase.H2, edit);
    }

    public IdentityFixture(IdentityDatabase database, UnaryOperator<String> edit) throws SQLException {
        this.database = database;
        String text = edit.apply(resource("identity.contract.yaml").replace("@KIND@", database.kind()));
        Path directory = contractDirectory();
        try {
            contractFile = Files.writeString(directory.resolve("identity.contract.yaml"), text);
            contractFile.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        contract = new ContractLoader().load(text, "identity.contract.yaml", directory);
        storeUrl = database.storeUrl(run);
        storeUser = database.storeUser();
        for (String system : SYSTEMS) {
            environment.put(system.toUpperCase() + "_JDBC_URL", database.url(system, run));
            environment.put(system.toUpperCase() + "_DB_USER", database.user());
        }
        try {
            for (String system : SYSTEMS) {
                database.create(system, run);
            }
            store = database.openStore(run);
        } catch (SQLException | RuntimeException e) {
            database.drop(List.of(SYSTEMS), run);
            throw e;
        }
        jdbc = new JdbcConnectors(contract, environment::get);
        engine = Engine.of(contract, store, new SteppedConnectors(jdbc::source, jdbc::target, () -> targetWrapper), new WorkerIdentity("test", "unit"));
        Hub hub = engine.hub();
        pageFlow = engine.pageFlow(hub, engine.applier(hub));
    }

    /** The run id every page of this fixture runs under. */
    String runId() {
        return run;
    }

    /** A test resource of the contract's directory ({@code identity/}), from the classpath (here or in the test jar). */
    private static String resource(String name) {
        try (InputStream in = IdentityFixture.class.getResourceAsStream("/identity/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no test resource identity/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A directory holding the contract's schema file, for the loader to resolve it against. */
    private static Path contractDirectory() {
        try {
            Path directory = Files.createTempDirectory("identity-contract");
            Files.writeString(directory.resolve("person.schema.json"), resource("person.schema.json"));
            directory.toFile().deleteOnExit();
            directory.resolve("person.schema.json").toFile().deleteOnExit();
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Empties every system and the store (all but its migration history and the kill switch's one row), and forgets the
     * syncs' cursors: a fresh start without new databases.
     */
    public void reset() throws SQLException {
        execute("crm", "truncate table crm_people");
        execute("crm", database.restartCrm());
        execute("billing", "truncate table billing_accounts");
        execute("support", "truncate table support_contacts");
        List<String> tables = new ArrayList<>();
        storeRows("select table_name from information_schema.tables where table_schema = '" + database.storeSchema(run) + "'"
                + " and table_type = 'BASE TABLE' and lower(table_name) not like '%schema_history' and lower(table_name) <> 'kill_switch'")
                .forEach(r -> tables.add(String.valueOf(r.get("table_name"))));
        store.inTransaction(c -> {
            try (Statement statement = c.createStatement()) {
                for (String sql : database.truncate(tables)) {
                    statement.execute(sql);
                }
            }
            return null;
        });
        cursors.clear();
    }

    /**
     * The worker dies once: the first write of a target that gets an id its system assigned lands, then the write throws
     * before the delivery settles and links it. The targets' egress match is off, so a retry has only the row's external
     * id to find it by.
     */
    public void crashOnceAfterAnAssignedInsert() {
        targetWrapper = dyingOnceAfterAnAssignedInsert();
    }

    /**
     * A wrapper for targets that makes the worker "die" once, as {@link #crashOnceAfterAnAssignedInsert} says: the write
     * that got an assigned id landed, then throws before anything of it is settled.
     */
    public static UnaryOperator<TargetConnector> dyingOnceAfterAnAssignedInsert() {
        boolean[] crashed = {false};
        return target -> new TargetConnector() {
            @Override
            public Map<String, TargetRow> readByKeys(Collection<String> keys) {
                return target.readByKeys(keys);
            }

            @Override
            public List<WriteResult> apply(List<TargetWrite> writes) {
                List<WriteResult> results = target.apply(writes);
                if (!crashed[0] && results.stream().anyMatch(r -> r.assignedKey() != null)) {
                    crashed[0] = true;
                    throw new IllegalStateException("the worker died after the insert");
                }
                return results;
            }

            @Override
            public List<List<String>> keysWhere(List<String> columns, List<List<Object>> candidates) {
                return candidates.stream().map(c -> List.<String>of()).toList();
            }
        };
    }

    /**
     * Two golden records that both have ann@example.com: Ann from the CRM, and support's S-9, created with another
     * address and changed to Ann's after it was linked (links never move). Answers their canonical ids, the CRM's first.
     */
    public List<String> twoGoldenRecordsWithOneEmail() throws SQLException {
        execute("crm", "insert into crm_people (full_name, email, row_version) values ('Ann Lee', 'ann@example.com', 1)");
        execute("support", "insert into support_contacts (contact_id, display_name, email, row_version)"
                + " values ('S-9', 'Ann Lee', 'ann.lee@example.org', 1)");
        sync("crm-people");
        sync("support-people");
        execute("support", "update support_contacts set email = 'ann@example.com', row_version = 2,"
                + " changed_at = " + database.now(1) + " where contact_id = 'S-9'");
        sync("support-people");
        String s9 = canonicalOf("support", "S-9");
        List<String> golden = storeRows("select record_key from golden_record").stream().map(r -> (String) r.get("record_key")).toList();
        if (golden.size() != 2 || !golden.contains(s9)) {
            throw new IllegalStateException("expected two golden records, one of them S-9's: " + golden);
        }
        return List.of(golden.get(0).equals(s9) ? golden.get(1) : golden.get(0), s9);
    }

    /** The canonical id a system's own id is linked to, or null. */
    public String canonicalOf(String system, String localId) {
        return storeRows("select canonical_id from identity_link where system_name = '" + system + "' and local_id = '" + localId + "'")
                .stream().map(l -> (String) l.get("canonical_id")).findFirst().orElse(null);
    }

    /** Reads the flow's source since its last sync and runs what it read as one page; answers what became of it. */
    public PageFlow.Outcome sync(String flowName) {
        FlowSpec flow = contract.flow(flowName);
        SourcePage read = jdbc.source(flow.source(), flow.domain()).readChanges(cursors.getOrDefault(flowName, SourceCursor.BEGINNING), 10_000);
        cursors.put(flowName, read.next());
        return runPage(flow, read.rows());
    }

    /** Runs the given rows of the flow's source as one page (a retry, a duplicate, rows out of order). */
    public PageFlow.Outcome runPage(FlowSpec flow, List<SourceRow> rows) {
        return runPage(flow, rows, ++page);
    }

    /** Runs the rows again as the last page ran: the retry of an attempt that died. */
    public PageFlow.Outcome retryLastPage(FlowSpec flow, List<SourceRow> rows) {
        return runPage(flow, rows, page);
    }

    private PageFlow.Outcome runPage(FlowSpec flow, List<SourceRow> rows, long pageNo) {
        List<SourceRecord> records = rows.stream().map(r -> new SourceRecord(r.key(), r.sourceVersion(), r.timestamp(), r.deleted(),
                r.columns(), r.malformed(), r.unreadable())).toList();
        PageRef ref = new PageRef(flow.name(), new RunRef("sync/" + flow.name(), run, run + "-x"), pageNo);
        return pageFlow.run(ref, records, new PageFlow.Route(flow.source(), flow.targets(), false, false), () -> { }, false);
    }

    /** The current rows of a source, as its connector reads them. */
    public List<SourceRow> rows(String flowName) {
        FlowSpec flow = contract.flow(flowName);
        return jdbc.source(flow.source(), flow.domain()).readChanges(SourceCursor.BEGINNING, 10_000).rows();
    }

    public void execute(String system, String sql, Object... parameters) throws SQLException {
        try (Connection connection = connection(system); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.execute();
        }
    }

    /** Every row of one system's table: its id column's value to its other columns. */
    public Map<String, Map<String, Object>> table(String system, String table, String keyColumn) throws SQLException {
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
    public List<Map<String, Object>> storeRows(String sql) {
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
        return DriverManager.getConnection(environment.get(system.toUpperCase() + "_JDBC_URL"), database.user(), "");
    }

    @Override
    public void close() {
        jdbc.close();
        database.drop(List.of(SYSTEMS), run);
    }
}
