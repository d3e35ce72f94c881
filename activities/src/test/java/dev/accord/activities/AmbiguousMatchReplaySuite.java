package dev.accord.activities;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.core.page.PageRef;
import dev.accord.core.page.RunRef;
import dev.accord.engine.Engine;
import dev.accord.engine.Hub;
import dev.accord.engine.IdentityDatabase;
import dev.accord.engine.IdentityFixture;
import dev.accord.engine.PageFlow;
import dev.accord.engine.TargetApplier;
import dev.accord.store.AccordStore;
import dev.accord.store.GoldenRecords;
import dev.accord.store.IdentityLinks;
import dev.accord.store.QuarantineLog;
import dev.accord.workflows.activities.ReplayRequest;
import dev.accord.workflows.activities.ReplaySelection;
import dev.accord.workflows.activities.ReplayedPage;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An ambiguous match parked, decided by a steward and replayed, over the engine's {@link IdentityFixture} on one kind
 * of database: billing's B-1 has the e-mail of two golden records (Ann from the CRM, and support's S-9 whose e-mail was
 * changed to Ann's after it was linked), so the billing-people flow quarantines it as AMBIGUOUS_MATCH with nothing
 * linked. The steward links B-1 to Ann with the store operations {@code accord identity link --system billing B-1 --to
 * <Ann>} runs (IdentityCommand.Link, in the starter); the quarantine replay (the {@link QuarantineReplay} the replay
 * workflow's activity runs) then brings B-1 through into Ann's golden record, and every system holds one row per person.
 * Billing is no flow's target here, so the only billing row is B-1 itself (else billing would already hold Ann's row
 * and the steward's link would be refused as a second row of one system for one record).
 */
abstract class AmbiguousMatchReplaySuite {

    private static final String FLOW = "billing-people";

    IdentityFixture fixture;

    abstract IdentityDatabase database();

    @BeforeEach
    void open() throws Exception {
        fixture = new IdentityFixture(database(), IdentityFixture.BILLING_IS_NO_TARGET);
    }

    @AfterEach
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void anAmbiguousRecordIsParkedThenLinkedByTheStewardAndReplayedIntoOneRowPerPersonInEverySystem() throws Exception {
        List<String> candidates = fixture.twoGoldenRecordsWithOneEmail();
        String ann = candidates.get(0);
        String s9 = candidates.get(1);
        fixture.execute("billing", "insert into billing_accounts (account_ref, holder, contact_email, version)"
                + " values ('B-1', 'Ann Lee', 'Ann@Example.com', 1)");

        fixture.sync(FLOW);

        List<Map<String, Object>> parked = fixture.storeRows("select id, reason_code, state, record_key from quarantine");
        assertThat(parked).singleElement().satisfies(q -> {
            assertThat(q).containsEntry("reason_code", "AMBIGUOUS_MATCH").containsEntry("state", QuarantineLog.OPEN)
                    .containsEntry("record_key", "B-1");
        });
        assertThat(fixture.canonicalOf("billing", "B-1")).as("nothing linked while it is ambiguous").isNull();
        assertThat(golden()).containsExactlyInAnyOrder(ann, s9);

        stewardLinks("billing", "B-1", ann);
        assertThat(fixture.canonicalOf("billing", "B-1")).isEqualTo(ann);
        ReplayedPage replayed = replay();

        assertThat(replayed.held()).isFalse();
        assertThat(replayed.entries()).singleElement().satisfies(e -> {
            assertThat(e.state()).isEqualTo(QuarantineLog.REPLAYED);
            assertThat(e.outcome()).as("decided under the canonical id it was linked to").startsWith("applied; read again from billing")
                    .contains("crm: ").contains("support: ");
        });
        assertThat(fixture.storeRows("select state from quarantine")).singleElement()
                .satisfies(q -> assertThat(q.get("state")).isEqualTo(QuarantineLog.REPLAYED));
        assertThat(golden()).as("no third golden record").containsExactlyInAnyOrder(ann, s9);
        assertThat(fixture.storeRows("select how from identity_link where system_name = 'billing'")).singleElement()
                .satisfies(l -> assertThat(l.get("how")).isEqualTo(IdentityLinks.STEWARD));
        Map<String, Map<String, Object>> crm = fixture.table("crm", "crm_people", "id");
        assertThat(crm.values()).as("one CRM row per person").extracting(r -> r.get("accord_id")).containsExactlyInAnyOrder(ann, s9);
        assertThat(fixture.table("support", "support_contacts", "contact_id")).as("one support row per person")
                .containsOnlyKeys(ann, "S-9");
        assertThat(fixture.table("billing", "billing_accounts", "account_ref")).containsOnlyKeys("B-1");
        assertThat(fixture.storeRows("select system_name, canonical_id, count(*) n from identity_link"
                + " group by system_name, canonical_id having count(*) > 1")).as("one linked row per person and system").isEmpty();
    }

    @Test
    void aReplayBeforeTheStewardDecidesLeavesTheEntryOpenAndNothingLinked() throws Exception {
        List<String> candidates = fixture.twoGoldenRecordsWithOneEmail();
        fixture.execute("billing", "insert into billing_accounts (account_ref, holder, contact_email, version)"
                + " values ('B-1', 'Ann Lee', 'Ann@Example.com', 1)");
        fixture.sync(FLOW);

        ReplayedPage replayed = replay();

        assertThat(replayed.entries()).singleElement().satisfies(e -> {
            assertThat(e.state()).isEqualTo(QuarantineLog.OPEN);
            assertThat(e.outcome()).startsWith("quarantined again: AMBIGUOUS_MATCH at $");
        });
        assertThat(fixture.storeRows("select state, seen_count from quarantine")).as("still the one entry, open").singleElement()
                .satisfies(q -> assertThat(q.get("state")).isEqualTo(QuarantineLog.OPEN));
        assertThat(fixture.canonicalOf("billing", "B-1")).isNull();
        assertThat(golden()).containsExactlyInAnyOrderElementsOf(candidates);
        assertThat(fixture.table("crm", "crm_people", "id")).hasSize(2);
        assertThat(fixture.table("support", "support_contacts", "contact_id")).hasSize(2);
    }

    /** What {@code accord identity link --system SYSTEM LOCAL --to CANONICAL} does to the store (IdentityCommand.Link). */
    private void stewardLinks(String system, String localId, String canonical) {
        AccordStore store = fixture.store;
        store.inTransaction(c -> {
            assertThat(store.identityLinks().canonicalIds(c, "person", system, List.of(localId))).isEmpty();
            GoldenRecords.Stored golden = store.golden().load(c, "person", List.of(canonical)).get(canonical);
            assertThat(golden.revision()).isPositive();
            assertThat(store.identityLinks().localIds(c, "person", system, List.of(canonical))).isEmpty();
            store.identityLinks().link(c, List.of(new IdentityLinks.Link("person", system, localId, canonical,
                    IdentityLinks.STEWARD, null, null)), "otto");
            return null;
        });
    }

    /** The replay workflow's two activities: its open AMBIGUOUS_MATCH entries of the flow, replayed as one page. */
    private ReplayedPage replay() {
        Engine engine = fixture.engine;
        Hub hub = engine.hub();
        TargetApplier applier = engine.applier(hub);
        PageFlow pages = engine.pageFlow(hub, applier);
        List<Long> ids = new QuarantineActivitiesImpl(engine.compiled(), engine.store(), engine.connectors(), pages, applier)
                .entriesToReplay(new ReplaySelection(FLOW, List.of(), "AMBIGUOUS_MATCH", null, 0L, 100));
        assertThat(ids).hasSize(1);
        String run = UUID.randomUUID().toString();
        PageRef page = new PageRef(FLOW, new RunRef("quarantine-replay/" + FLOW + "/steward", run, run + "-x"), 1);
        return new QuarantineReplay(engine.compiled(), engine.store(), engine.connectors(), pages, applier)
                .replay(new ReplayRequest(page, ids, "otto"), () -> { });
    }

    private List<String> golden() {
        return fixture.storeRows("select record_key from golden_record").stream().map(r -> (String) r.get("record_key")).toList();
    }
}
