package dev.accord.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Systems that keep their own ids, through the real hub, targets and cross-reference on H2 ({@link IdentityFixture}). */
class IdentityTest {

    private IdentityFixture fixture;

    @BeforeEach
    void open() throws Exception {
        fixture = new IdentityFixture();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aRecordSeenFirstInOneSystemGetsACanonicalIdAndARowInEachOtherSystemUnderThatSystemsOwnId() throws Exception {
        fixture.execute("crm", "insert into crm_people (full_name, email, row_version) values ('Ann Lee', 'ann@example.com', 1)");

        fixture.sync("crm-people");

        List<Map<String, Object>> links = fixture.storeRows("select system_name, local_id, canonical_id, how from identity_link order by system_name");
        assertThat(links).hasSize(3);
        String canonical = (String) links.get(0).get("canonical_id");
        assertThat(canonical).matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(links).allSatisfy(l -> assertThat(l.get("canonical_id")).isEqualTo(canonical));
        assertThat(links.get(1)).containsEntry("system_name", "crm").containsEntry("local_id", "crm-1").containsEntry("how", "new");
        assertThat(fixture.table("billing", "billing_accounts", "account_ref")).containsOnlyKeys(canonical);
        assertThat(fixture.table("support", "support_contacts", "contact_id")).containsOnlyKeys(canonical)
                .extractingByKey(canonical).satisfies(row -> assertThat(row).containsEntry("email", "ann@example.com"));
        assertThat(fixture.storeRows("select record_key from golden_record")).singleElement()
                .satisfies(r -> assertThat(r.get("record_key")).isEqualTo(canonical));
    }

    @Test
    void aRecordAnotherSystemAlreadyHoldsByTheSameEmailIsLinkedToItNotCreatedAgain() throws Exception {
        fixture.execute("crm", "insert into crm_people (full_name, email, row_version) values ('Ann Lee', 'ann@example.com', 1)");
        fixture.execute("support", "insert into support_contacts (contact_id, display_name, email, row_version, changed_at)"
                + " values ('S-7', 'Ann', ' ANN@Example.com', 1, localtimestamp - interval '1' hour)");

        fixture.sync("crm-people");
        fixture.sync("support-people");
        fixture.sync("billing-people");

        assertThat(fixture.table("support", "support_contacts", "contact_id")).containsOnlyKeys("S-7");
        assertThat(fixture.table("crm", "crm_people", "id")).containsOnlyKeys("crm-1");
        assertThat(fixture.table("billing", "billing_accounts", "account_ref")).hasSize(1);
        assertThat(fixture.storeRows("select record_key from golden_record")).hasSize(1);
        assertThat(fixture.storeRows("select local_id from identity_link where system_name = 'support'")).singleElement()
                .satisfies(r -> assertThat(r.get("local_id")).isEqualTo("S-7"));
        assertThat(fixture.table("support", "support_contacts", "contact_id").get("S-7")).containsEntry("display_name", "Ann Lee");
    }

    @Test
    void aFirstSightingMatchedByEmailLinksToTheGoldenRecordAndItsChangesFlowBack() throws Exception {
        fixture.execute("crm", "insert into crm_people (full_name, email, row_version) values ('Ann Lee', 'ann@example.com', 1)");
        fixture.sync("crm-people");
        String canonical = (String) fixture.storeRows("select record_key from golden_record").get(0).get("record_key");
        fixture.execute("support", "update support_contacts set display_name = 'Ann Lee-Smith', row_version = row_version + 1,"
                + " changed_at = localtimestamp + interval '1' second");

        fixture.sync("support-people");

        assertThat(fixture.table("crm", "crm_people", "id").get("crm-1")).containsEntry("full_name", "Ann Lee-Smith");
        assertThat(fixture.table("billing", "billing_accounts", "account_ref").get(canonical)).containsEntry("holder", "Ann Lee-Smith");
        assertThat(fixture.storeRows("select count(*) n from golden_record").get(0).get("n")).isEqualTo(1L);
    }

    @Test
    void aRecordMatchingTwoGoldenRecordsIsQuarantinedAsAmbiguousAndNothingOfItIsLinked() throws Exception {
        fixture.execute("crm", "insert into crm_people (full_name, email, row_version) values ('Ann Lee', 'ann@example.com', 1)");
        fixture.execute("support", "insert into support_contacts (contact_id, display_name, email, row_version)"
                + " values ('S-9', 'Ann Lee', 'ann.lee@example.org', 1)");
        fixture.sync("crm-people");
        fixture.sync("support-people");
        fixture.execute("support", "update support_contacts set email = 'ann@example.com', row_version = 2,"
                + " changed_at = localtimestamp + interval '1' second where contact_id = 'S-9'");
        fixture.sync("support-people");
        long goldenBefore = golden();
        assertThat(goldenBefore).as("two golden records, both with ann@example.com now").isEqualTo(2);

        fixture.execute("billing", "insert into billing_accounts (account_ref, holder, contact_email, version)"
                + " values ('B-1', 'A. Lee', 'ann@example.com', 1)");
        PageFlow.Outcome outcome = fixture.sync("billing-people");

        assertThat(outcome.resolved().records()).filteredOn(r -> r.key().equals("B-1")).singleElement().satisfies(r -> {
            assertThat(r.decision().spelling()).isEqualTo("quarantined");
            assertThat(r.detail()).startsWith("AMBIGUOUS_MATCH").contains("2 golden records by rule 'email'");
        });
        assertThat(fixture.storeRows("select reason_code from quarantine")).singleElement()
                .satisfies(q -> assertThat(q.get("reason_code")).isEqualTo("AMBIGUOUS_MATCH"));
        assertThat(fixture.storeRows("select * from identity_link where system_name = 'billing' and local_id = 'B-1'")).isEmpty();
        assertThat(golden()).isEqualTo(goldenBefore);
    }

    @Test
    void aLinkStaysWhenTheMatchFieldChangesLater() throws Exception {
        fixture.execute("crm", "insert into crm_people (full_name, email, row_version) values ('Ann Lee', 'ann@example.com', 1)");
        fixture.execute("crm", "insert into crm_people (full_name, email, row_version) values ('Bob Ray', 'bob@example.com', 1)");
        fixture.sync("crm-people");
        Map<String, Object> annBefore = fixture.storeRows("select canonical_id from identity_link where system_name = 'crm' and local_id = 'crm-1'").get(0);

        fixture.execute("crm", "update crm_people set email = 'bob@example.com', row_version = 2, updated_at = localtimestamp + interval '1' second"
                + " where id = 'crm-1'");
        fixture.sync("crm-people");

        assertThat(fixture.storeRows("select canonical_id from identity_link where system_name = 'crm' and local_id = 'crm-1'").get(0))
                .isEqualTo(annBefore);
        assertThat(golden()).isEqualTo(2);
    }

    @Test
    void aSystemThatAssignsItsOwnIdsGetsTheRowCreatedAndItsIdLinked() throws Exception {
        fixture.execute("support", "insert into support_contacts (contact_id, display_name, email, row_version) values ('S-1', 'Cy', 'cy@example.com', 1)");

        fixture.sync("support-people");

        assertThat(fixture.table("crm", "crm_people", "id")).containsOnlyKeys("crm-1");
        String canonical = (String) fixture.table("crm", "crm_people", "id").get("crm-1").get("accord_id");
        assertThat(fixture.storeRows("select local_id, how from identity_link where system_name = 'crm'")).singleElement()
                .satisfies(l -> assertThat(l).containsEntry("local_id", "crm-1").containsEntry("how", "assigned"));
        assertThat(fixture.storeRows("select canonical_id from identity_link where system_name = 'support'")).singleElement()
                .satisfies(l -> assertThat(l.get("canonical_id")).isEqualTo(canonical));
    }

    /**
     * The crash between a target's insert and the cross-reference write: the worker dies once the CRM has created the row
     * (its write answered) and before the delivery settles and links it. The page's retry finds the row by its external id
     * instead of inserting a second one, links it, and the CRM keeps one row.
     */
    @Test
    void aCrashBetweenTheInsertAndTheLinkCreatesNoSecondRowOnRetry() throws Exception {
        fixture.execute("support", "insert into support_contacts (contact_id, display_name, email, row_version) values ('S-1', 'Cy', 'cy@example.com', 1)");
        fixture.crashOnceAfterAnAssignedInsert();
        List<dev.accord.connectors.SourceRow> rows = fixture.rows("support-people");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> fixture.runPage(fixture.contract.flow("support-people"), rows))
                .hasMessageContaining("died");
        assertThat(fixture.storeRows("select * from identity_link where system_name = 'crm'")).isEmpty();
        assertThat(fixture.table("crm", "crm_people", "id")).containsOnlyKeys("crm-1");
        fixture.retryLastPage(fixture.contract.flow("support-people"), rows);

        assertThat(fixture.table("crm", "crm_people", "id")).containsOnlyKeys("crm-1");
        assertThat(fixture.storeRows("select local_id from identity_link where system_name = 'crm'")).singleElement()
                .satisfies(l -> assertThat(l.get("local_id")).isEqualTo("crm-1"));
    }

    @Test
    void aRollbackRemovesTheRowsCreatedUnderTheSystemsOwnIdsAndRestoresTheUpdatedOnes() throws Exception {
        fixture.execute("crm", "insert into crm_people (full_name, email, row_version, updated_at)"
                + " values ('Ann Lee', 'ann@example.com', 1, localtimestamp - interval '2' hour)");
        fixture.execute("support", "insert into support_contacts (contact_id, display_name, email, row_version, changed_at)"
                + " values ('S-1', 'Cy', 'cy@example.com', 1, localtimestamp - interval '1' hour)");
        fixture.execute("support", "insert into support_contacts (contact_id, display_name, email, row_version, changed_at)"
                + " values ('S-2', 'A. Lee', 'ANN@example.com', 1, localtimestamp - interval '1' hour)");

        fixture.sync("support-people");
        assertThat(fixture.table("crm", "crm_people", "id")).as("Cy created, Ann's row found and updated").hasSize(2)
                .extractingByKey("crm-1").satisfies(row -> assertThat(row).containsEntry("full_name", "A. Lee"));
        dev.accord.core.rollback.RollbackResult result = fixture.engine.reverter().revertRun("support-people", fixture.runId(), () -> { });

        assertThat(result.conflicts()).isEmpty();
        assertThat(fixture.table("crm", "crm_people", "id")).as("Cy's row removed, Ann's restored").containsOnlyKeys("crm-1")
                .extractingByKey("crm-1").satisfies(row -> assertThat(row).containsEntry("full_name", "Ann Lee"));
        assertThat(fixture.table("billing", "billing_accounts", "account_ref")).isEmpty();
    }

    @Test
    void aCreateThatFindsTwoRowsOfThePersonInTheTargetIsQuarantinedThereNotMadeAThirdTime() throws Exception {
        fixture.execute("support", "insert into support_contacts (contact_id, display_name, email, row_version) values ('S-1', 'Ann', 'ann@example.com', 1)");
        fixture.execute("support", "insert into support_contacts (contact_id, display_name, email, row_version) values ('S-2', 'Ann L', 'Ann@Example.com', 1)");
        fixture.execute("crm", "insert into crm_people (full_name, email, row_version) values ('Ann Lee', 'ann@example.com', 1)");

        fixture.sync("crm-people");

        assertThat(fixture.table("support", "support_contacts", "contact_id")).containsOnlyKeys("S-1", "S-2");
        assertThat(fixture.storeRows("select system_name, reason_code, message from quarantine")).singleElement().satisfies(q -> {
            assertThat(q).containsEntry("reason_code", "AMBIGUOUS_MATCH");
            assertThat((String) q.get("message")).contains("support already has 2 row(s) matching this record by email (S-1, S-2)");
        });
        assertThat(fixture.table("billing", "billing_accounts", "account_ref")).hasSize(1);
    }

    private long golden() {
        return (Long) fixture.storeRows("select count(*) n from golden_record").get(0).get("n");
    }
}
