package dev.accord.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accord.connectors.ConnectorFactory;
import dev.accord.connectors.SourceConnector;
import dev.accord.connectors.SourceCursor;
import dev.accord.connectors.SourceRow;
import dev.accord.connectors.TargetConnector;
import dev.accord.connectors.Throttle;
import dev.accord.connectors.http.HttpConnectors;
import dev.accord.connectors.jdbc.JdbcConnectors;
import dev.accord.core.contract.Contract;
import dev.accord.core.contract.ContractLoader;
import dev.accord.core.contract.FlowSpec;
import dev.accord.core.page.PageRef;
import dev.accord.core.page.RunRef;
import dev.accord.core.page.SourceRecord;
import dev.accord.demodesk.SupportDesk;
import dev.accord.store.AccordStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Identity against the demo support desk's HTTP API, which assigns a contact's id when the contact is created through
 * it: the CRM's people are created there under ids the desk chose and linked; a create retried after the worker died
 * between the desk's answer and the link gets the same contact back (Idempotency-Key); a contact the desk's users made
 * is linked to the CRM's person with the same e-mail.
 */
class DeskIdentityTest {

    private static final Path CONTRACT = Path.of("src", "test", "resources", "identity", "desk.contract.yaml");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SupportDesk desk = new SupportDesk("s3cret").start();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, String> environment = new HashMap<>();
    private Contract contract;
    private JdbcConnectors jdbc;
    private AccordStore store;
    private PageFlow pageFlow;
    private UnaryOperator<TargetConnector> deskWrapper = UnaryOperator.identity();
    private long page;

    @BeforeEach
    void open() throws Exception {
        contract = new ContractLoader().load(Files.readString(CONTRACT), "desk.contract.yaml", CONTRACT.toAbsolutePath().getParent());
        environment.put("CRM_JDBC_URL", "jdbc:h2:mem:crm" + run + ";DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE");
        environment.put("CRM_DB_USER", "sa");
        environment.put("DESK_URL", desk.baseUrl());
        environment.put("DESK_TOKEN", "s3cret");
        crm("create sequence crm_ids");
        crm("create table crm_people (id varchar(40) default ('crm-' || next value for crm_ids) primary key, accord_id varchar(64),"
                + " full_name varchar(200), email varchar(254), tax_id varchar(20), country varchar(2),"
                + " updated_at timestamp default localtimestamp not null, row_version bigint not null)");
        jdbc = new JdbcConnectors(contract, environment::get);
        HttpConnectors http = new HttpConnectors(contract, environment::get, system -> Throttle.NONE);
        JdbcDataSource source = new JdbcDataSource();
        String url = "jdbc:h2:mem:store" + run + ";DB_CLOSE_DELAY=-1";
        source.setURL(url);
        store = AccordStore.open(source, url);
        Engine engine = Engine.of(contract, store, new ConnectorFactory() {
            @Override
            public SourceConnector source(String system, String domain) {
                return "desk".equals(system) ? http.source(system, domain) : jdbc.source(system, domain);
            }

            @Override
            public TargetConnector target(String system, String domain) {
                return "desk".equals(system) ? deskWrapper.apply(http.target(system, domain)) : jdbc.target(system, domain);
            }
        }, new WorkerIdentity("test", "unit"));
        Hub hub = engine.hub();
        pageFlow = engine.pageFlow(hub, engine.applier(hub));
    }

    @AfterEach
    void close() {
        jdbc.close();
        desk.close();
    }

    @Test
    void aCrmPersonIsCreatedInTheDeskUnderTheIdTheDeskAssignsAndLinked() throws Exception {
        crm("insert into crm_people (full_name, email, row_version) values ('Ann Lee', 'ann@example.com', 1)");

        sync("crm-people", ++page);

        assertThat(desk.contacts().all()).containsOnlyKeys("ct_1");
        String canonical = desk.contacts().get("ct_1").orElseThrow().get("accord_id").asText();
        assertThat(links("desk")).containsExactly("ct_1 " + canonical + " assigned");
        assertThat(links("crm")).containsExactly("crm-1 " + canonical + " new");
        assertThat(desk.contacts().get("ct_1").orElseThrow().get("name").asText()).isEqualTo("Ann Lee");
    }

    @Test
    void aCreateRetriedAfterTheWorkerDiedBeforeTheLinkGetsTheSameContactBack() throws Exception {
        crm("insert into crm_people (full_name, email, row_version) values ('Ann Lee', 'ann@example.com', 1)");
        deskWrapper = IdentityFixture.dyingOnceAfterAnAssignedInsert();

        long first = ++page;
        assertThatThrownBy(() -> sync("crm-people", first)).hasMessageContaining("died");
        assertThat(links("desk")).isEmpty();
        sync("crm-people", first);

        assertThat(desk.contacts().all()).as("one contact: the desk answered the repeated create with the first one").containsOnlyKeys("ct_1");
        assertThat(links("desk")).singleElement().asString().startsWith("ct_1 ");
    }

    @Test
    void aContactTheDesksUsersMadeIsLinkedToTheCrmPersonWithTheSameEmail() throws Exception {
        ObjectNode contact = JSON.createObjectNode().put("id", "ct_900").put("name", "Ann").put("email", "ANN@example.com");
        desk.contacts().seed(contact, Instant.now().minusSeconds(3600));
        crm("insert into crm_people (full_name, email, row_version) values ('Ann Lee', 'ann@example.com', 1)");

        sync("desk-people", ++page);
        sync("crm-people", ++page);
        sync("desk-people", ++page);

        assertThat(desk.contacts().all()).containsOnlyKeys("ct_900");
        assertThat(crmIds()).containsExactly("crm-1");
        String canonical = links("desk").get(0).split(" ")[1];
        assertThat(links("crm")).singleElement().asString().startsWith("crm-1 " + canonical);
        List<dev.accord.store.Deliveries.Delivery> pending = store.inTransaction(c -> store.deliveries().pending(c, "desk", "person",
                List.of(canonical)));
        assertThat(pending)
                .as("the CRM's newer name waits for the desk (the sync workflow drains it)").singleElement()
                .satisfies(d -> assertThat(d.fields()).contains("name"));
    }

    private void sync(String flowName, long pageNo) {
        FlowSpec flow = contract.flow(flowName);
        SourceConnector source = "desk".equals(flow.source()) ? null : jdbc.source(flow.source(), flow.domain());
        List<SourceRow> rows = source != null ? source.readChanges(SourceCursor.BEGINNING, 1000).rows()
                : new HttpConnectors(contract, environment::get, system -> Throttle.NONE).source("desk", "person")
                        .readChanges(SourceCursor.BEGINNING, 1000).rows();
        List<SourceRecord> records = rows.stream().map(r -> new SourceRecord(r.key(), r.sourceVersion(), r.timestamp(), r.deleted(),
                r.columns(), r.malformed(), r.unreadable())).toList();
        PageRef ref = new PageRef(flow.name(), new RunRef("sync/" + flow.name(), run, run + "-x"), pageNo);
        pageFlow.run(ref, records, new PageFlow.Route(flow.source(), flow.targets(), false, false), () -> { }, false);
    }

    private void crm(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(environment.get("CRM_JDBC_URL"), "sa", ""); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private List<String> crmIds() throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(environment.get("CRM_JDBC_URL"), "sa", ""); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("select id from crm_people order by id")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    private List<String> links(String system) {
        return store.inTransaction(c -> {
            List<String> links = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery("select local_id, canonical_id, how from identity_link"
                    + " where system_name = '" + system + "' order by local_id")) {
                while (rows.next()) {
                    links.add(rows.getString(1) + " " + rows.getString(2) + " " + rows.getString(3));
                }
            }
            return links;
        });
    }
}
