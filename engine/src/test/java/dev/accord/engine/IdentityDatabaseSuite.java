package dev.accord.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accord.connectors.SourceRow;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Systems that keep their own ids, on a real database server ({@link IdentityFixture} over {@link #database()}): the
 * CRM's database generates its ids ({@code generated always as identity}, {@code AUTO_INCREMENT}) and takes Accord's
 * id in {@code accord_id} (contract {@code key: {column: id, assigned: true, external-id: accord_id}}). Each subclass
 * runs the suite on one database kind; the store is on PostgreSQL.
 */
abstract class IdentityDatabaseSuite {

    IdentityFixture fixture;

    abstract IdentityDatabase database();

    @BeforeEach
    void open() throws Exception {
        fixture = new IdentityFixture(database());
    }

    @AfterEach
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    /** What the property test does between tries, on this database: afterwards a sync starts from nothing again. */
    @Test
    void aResetEmptiesTheSystemsAndTheStoreAndTheDatabaseNumbersFromOneAgain() throws Exception {
        fixture.execute("support", "insert into support_contacts (contact_id, display_name, email, row_version) values ('S-1', 'Cy', 'cy@example.com', 1)");
        fixture.sync("support-people");

        fixture.reset();

        assertThat(crm()).isEmpty();
        assertThat(fixture.storeRows("select count(*) n from identity_link").get(0).get("n")).isEqualTo(0L);
        assertThat(fixture.storeRows("select count(*) n from golden_record").get(0).get("n")).isEqualTo(0L);
        fixture.execute("support", "insert into support_contacts (contact_id, display_name, email, row_version) values ('S-2', 'Di', 'di@example.com', 1)");
        fixture.sync("support-people");
        assertThat(crm()).containsOnlyKeys("1");
        assertThat(fixture.storeRows("select local_id from identity_link where system_name = 'support'"))
                .extracting(l -> l.get("local_id")).containsExactly("S-2");
    }

    @Test
    void aRowAccordCreatesInTheCrmGetsTheIdTheDatabaseGeneratedAndThatIdIsLinkedAsAssigned() throws Exception {
        fixture.execute("support", "insert into support_contacts (contact_id, display_name, email, row_version) values ('S-1', 'Cy', 'cy@example.com', 1)");
        fixture.execute("support", "insert into support_contacts (contact_id, display_name, email, row_version) values ('S-2', 'Di', 'di@example.com', 1)");

        PageFlow.Outcome outcome = fixture.sync("support-people");

        assertThat(outcome.resolved().records()).hasSize(2);
        Map<String, Map<String, Object>> crm = crm();
        assertThat(crm).as("the ids the database generated").containsOnlyKeys("1", "2");
        List<Map<String, Object>> links = fixture.storeRows("select local_id, canonical_id, how from identity_link"
                + " where system_name = 'crm' order by local_id");
        assertThat(links).extracting(l -> l.get("local_id")).containsExactly("1", "2");
        assertThat(links).allSatisfy(l -> assertThat(l.get("how")).isEqualTo("assigned"));
        for (Map<String, Object> link : links) {
            Map<String, Object> row = crm.get((String) link.get("local_id"));
            assertThat(row.get("accord_id")).as("the external id column holds the canonical id").isEqualTo(link.get("canonical_id"));
        }
        assertThat(crm.values()).extracting(r -> r.get("email")).containsExactlyInAnyOrder("cy@example.com", "di@example.com");
        assertThat(fixture.canonicalOf("crm", "1")).isEqualTo(fixture.canonicalOf("support", (String) emailOwner("support", crm.get("1"))));
        assertThat(fixture.storeRows("select count(*) n from golden_record").get(0).get("n")).isEqualTo(2L);
    }

    @Test
    void aRecordSeenFirstInAnotherSystemWithTheSameEmailInAnotherCaseIsLinkedNotCreatedTwice() throws Exception {
        fixture.execute("crm", "insert into crm_people (full_name, email, row_version) values ('Ann Lee', 'ann@example.com', 1)");
        fixture.execute("support", "insert into support_contacts (contact_id, display_name, email, row_version, changed_at)"
                + " values ('S-7', 'Ann', ' ANN@Example.com', 1, " + fixture.database.now(-3600) + ")");

        fixture.sync("crm-people");
        fixture.sync("support-people");
        fixture.sync("billing-people");
        fixture.sync("crm-people");

        assertThat(crm()).containsOnlyKeys("1");
        assertThat(fixture.table("support", "support_contacts", "contact_id")).containsOnlyKeys("S-7");
        assertThat(fixture.table("billing", "billing_accounts", "account_ref")).hasSize(1);
        String canonical = fixture.canonicalOf("crm", "1");
        assertThat(fixture.canonicalOf("support", "S-7")).isEqualTo(canonical);
        assertThat(fixture.table("billing", "billing_accounts", "account_ref")).containsOnlyKeys(canonical);
        assertThat(fixture.storeRows("select record_key from golden_record")).singleElement()
                .satisfies(r -> assertThat(r.get("record_key")).isEqualTo(canonical));
        assertThat(fixture.storeRows("select * from quarantine")).isEmpty();
        assertThat(fixture.table("support", "support_contacts", "contact_id").get("S-7")).containsEntry("display_name", "Ann Lee");
    }

    @Test
    void aCrashBetweenTheInsertAndTheLinkLeavesOneRowAfterTheRetry() throws Exception {
        fixture.execute("support", "insert into support_contacts (contact_id, display_name, email, row_version) values ('S-1', 'Cy', 'cy@example.com', 1)");
        fixture.crashOnceAfterAnAssignedInsert();
        List<SourceRow> rows = fixture.rows("support-people");

        assertThatThrownBy(() -> fixture.runPage(fixture.contract.flow("support-people"), rows)).hasMessageContaining("died");
        assertThat(fixture.storeRows("select * from identity_link where system_name = 'crm'")).isEmpty();
        assertThat(crm()).containsOnlyKeys("1");
        fixture.retryLastPage(fixture.contract.flow("support-people"), rows);

        assertThat(crm()).containsOnlyKeys("1");
        assertThat(fixture.storeRows("select local_id from identity_link where system_name = 'crm'")).singleElement()
                .satisfies(l -> assertThat(l.get("local_id")).isEqualTo("1"));
        assertThat(crm().get("1").get("accord_id")).isEqualTo(fixture.canonicalOf("support", "S-1"));
    }

    @Test
    void aRecordMatchingTwoGoldenRecordsIsQuarantinedAsAmbiguousAndNothingOfItIsLinked() throws Exception {
        List<String> candidates = fixture.twoGoldenRecordsWithOneEmail();
        fixture.execute("billing", "insert into billing_accounts (account_ref, holder, contact_email, version)"
                + " values ('B-1', 'A. Lee', 'ANN@example.com', 1)");

        PageFlow.Outcome outcome = fixture.sync("billing-people");

        assertThat(outcome.resolved().records()).filteredOn(r -> r.key().equals("B-1")).singleElement().satisfies(r -> {
            assertThat(r.decision().spelling()).isEqualTo("quarantined");
            assertThat(r.detail()).startsWith("AMBIGUOUS_MATCH").contains(candidates.get(0)).contains(candidates.get(1));
        });
        assertThat(fixture.storeRows("select reason_code from quarantine")).singleElement()
                .satisfies(q -> assertThat(q.get("reason_code")).isEqualTo("AMBIGUOUS_MATCH"));
        assertThat(fixture.canonicalOf("billing", "B-1")).isNull();
        assertThat(fixture.storeRows("select count(*) n from golden_record").get(0).get("n")).isEqualTo(2L);
        assertThat(crm()).hasSize(2);
    }

    /** The CRM's rows by the id its database gave them, as text (as the cross-reference keeps it). */
    private Map<String, Map<String, Object>> crm() throws Exception {
        return fixture.table("crm", "crm_people", "id");
    }

    private Object emailOwner(String system, Map<String, Object> crmRow) throws Exception {
        return fixture.table(system, "support_contacts", "contact_id").values().stream()
                .filter(r -> r.get("email").equals(crmRow.get("email"))).findFirst().orElseThrow().get("contact_id");
    }
}
