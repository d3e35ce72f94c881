package dev.accord.cli.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.cli.Cli;
import dev.accord.engine.IdentityDatabase;
import dev.accord.engine.IdentityFixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code accord identity link} through picocli, on a record the engine parked as AMBIGUOUS_MATCH ({@link IdentityFixture}
 * on one kind of database; billing is no flow's target, so its only row is B-1): billing's B-1 has the e-mail of two
 * golden records. The steward's decision links it; a second decision on the same id, or a link of another billing id
 * to the same golden record, is refused and changes nothing. (The replay that follows is AmbiguousMatchReplaySuite's,
 * in the activities.)
 */
abstract class IdentityLinkCommandSuite {

    IdentityFixture fixture;
    List<String> candidates;

    abstract IdentityDatabase database();

    @BeforeEach
    void parkAnAmbiguousRecord() throws Exception {
        fixture = new IdentityFixture(database(), IdentityFixture.BILLING_IS_NO_TARGET);
        candidates = fixture.twoGoldenRecordsWithOneEmail();
        fixture.execute("billing", "insert into billing_accounts (account_ref, holder, contact_email, version)"
                + " values ('B-1', 'Ann Lee', 'Ann@Example.com', 1)");
        fixture.sync("billing-people");
        assertThat(fixture.storeRows("select reason_code from quarantine")).singleElement()
                .satisfies(q -> assertThat(q.get("reason_code")).isEqualTo("AMBIGUOUS_MATCH"));
    }

    @AfterEach
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void theStewardsDecisionLinksTheParkedRecordToTheGoldenRecordItNames() {
        String ann = candidates.get(0);

        Cli linked = link("B-1", "--to", ann);

        assertThat(linked.exitCode()).as(linked.err()).isZero();
        assertThat(linked.out()).contains("billing person 'B-1' -> " + ann, "accord quarantine replay");
        assertThat(fixture.storeRows("select local_id, canonical_id, how from identity_link where system_name = 'billing'"))
                .singleElement().satisfies(l -> assertThat(l).containsEntry("local_id", "B-1").containsEntry("canonical_id", ann)
                        .containsEntry("how", "steward"));
    }

    @Test
    void aSecondDecisionOnTheSameIdAndASecondRowForTheSameRecordAreRefused() {
        String ann = candidates.get(0);
        assertThat(link("B-1", "--to", ann).exitCode()).isZero();

        Cli moved = link("B-1", "--to", candidates.get(1));
        Cli second = link("B-2", "--to", ann);

        assertThat(moved.exitCode()).isNotZero();
        assertThat(moved.err()).contains("already linked to " + ann);
        assertThat(second.exitCode()).isNotZero();
        assertThat(second.err()).contains("already holds golden record " + ann + " as its id 'B-1'");
        List<Map<String, Object>> links = fixture.storeRows("select local_id, canonical_id from identity_link where system_name = 'billing'");
        assertThat(links).singleElement().satisfies(l -> assertThat(l).containsEntry("local_id", "B-1").containsEntry("canonical_id", ann));
    }

    @Test
    void anIdOfARecordOfItsOwnGetsANewCanonicalId() {
        Cli fresh = link("B-1", "--new");

        assertThat(fresh.exitCode()).as(fresh.err()).isZero();
        assertThat(fresh.out()).contains("(a new golden record)");
        String canonical = fixture.canonicalOf("billing", "B-1");
        assertThat(canonical).isNotNull().isNotIn(candidates);
    }

    private Cli link(String localId, String... decision) {
        List<String> args = new java.util.ArrayList<>(List.of("identity", "link", "--store", fixture.storeUrl,
                "--store-user", fixture.storeUser, "--contract", fixture.contractFile.toString(), "--domain", "person",
                "--system", "billing", localId));
        args.addAll(List.of(decision));
        return Cli.run(args.toArray(String[]::new));
    }
}
