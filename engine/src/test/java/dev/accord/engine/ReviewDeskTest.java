package dev.accord.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.core.page.RecordOutcome;
import dev.accord.core.page.ResolvedPage;
import dev.accord.core.record.SourceChange;
import dev.accord.core.resolve.Decision;
import dev.accord.core.review.ReviewDecision;
import dev.accord.core.review.ReviewOutcome;
import dev.accord.store.ReviewQueue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Phone numbers under merge strategy review: support's different phone waits for a human. */
class ReviewDeskTest {

    private static final String REVIEW_ID = "customer/C000001/phone";

    private final HubFixture fixture = new HubFixture(text -> text.replace("merge: last-writer-wins", "merge: review"));
    private final Hub hub = fixture.engine.hub();
    private final ReviewDesk desk = fixture.engine.reviewDesk();
    private ResolvedPage parked;

    ReviewDeskTest() throws Exception {
    }

    @BeforeEach
    void supportProposesAnotherPhone() {
        hub.resolve(HubFixture.page("crm-customers", "run-1", 1), List.of(HubTest.crm("C000001", 1)), false);
        parked = hub.resolve(HubFixture.page("support-customers", "run-2", 1), List.of(SourceChange.upsert("support", "customer",
                "C000001", 4, HubTest.T0.plusSeconds(60), Map.of("phone", HubTest.text("+49 40 555")))), false);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aConflictingChangeIsParkedNotApplied() {
        assertThat(parked.records()).extracting(RecordOutcome::decision).containsExactly(Decision.NEEDS_REVIEW);
        assertThat(parked.reviews()).containsExactly(REVIEW_ID);
        assertThat(pending()).singleElement().satisfies(r -> {
            assertThat(r.proposedJson()).isEqualTo("\"+49 40 555\"");
            assertThat(r.currentJson()).isEqualTo("\"+49 30 100\"");
            assertThat(r.defaultAction()).isEqualTo("reject");
        });
        assertThat(goldenPhone()).isEqualTo("+49 30 100");
    }

    @Test
    void approvingMakesTheProposalGoldenAndDeliversIt() {
        ReviewOutcome outcome = desk.decide(new ReviewDecision(REVIEW_ID, "approve", null, "alice", "customer called"), "review/test");

        assertThat(outcome.status()).isEqualTo("approved");
        assertThat(outcome.deliverTo()).containsExactly("crm", "support");
        assertThat(goldenPhone()).isEqualTo("+49 40 555");
        assertThat(fixture.count("select count(*) from field_history where decision = 'review-approved'"
                + " and reason = 'approved by alice: customer called'")).isEqualTo(1);
        assertThat(fixture.count("select count(*) from target_delivery where target_system = 'crm'")).isEqualTo(1);
        assertThat(pending()).isEmpty();
    }

    @Test
    void rejectingKeepsTheGoldenValueAndWritesItBackToTheProposer() {
        ReviewOutcome outcome = desk.decide(new ReviewDecision(REVIEW_ID, "reject", null, "deadline", null), "review/test");

        assertThat(outcome.status()).isEqualTo("rejected");
        assertThat(outcome.deliverTo()).containsExactly("support");
        assertThat(goldenPhone()).isEqualTo("+49 30 100");
    }

    @Test
    void editingAppliesTheReviewersValue() {
        desk.decide(new ReviewDecision(REVIEW_ID, "edit", "\"+49 40 556\"", "alice", "typo in support's number"), "review/test");

        assertThat(goldenPhone()).isEqualTo("+49 40 556");
        assertThat(fixture.count("select count(*) from golden_record where fields_json like '%\"system\":\"review\"%'")).isEqualTo(1);
    }

    @Test
    void aReviewWhoseFieldChangedMeanwhileIsSuperseded() {
        hub.resolve(HubFixture.page("crm-customers", "run-3", 1), List.of(SourceChange.upsert("crm", "customer", "C000001", 2,
                HubTest.T0.plusSeconds(120), Map.of("phone", HubTest.text("+49 30 200")))), false);

        ReviewOutcome outcome = desk.decide(new ReviewDecision(REVIEW_ID, "approve", null, "alice", null), "review/test");

        assertThat(outcome.status()).isEqualTo("superseded");
        assertThat(goldenPhone()).isEqualTo("+49 30 200");
    }

    @Test
    void decidingTwiceChangesNothingTheSecondTime() {
        desk.decide(new ReviewDecision(REVIEW_ID, "approve", null, "alice", null), "review/test");

        ReviewOutcome again = desk.decide(new ReviewDecision(REVIEW_ID, "reject", null, "bob", null), "review/test");

        assertThat(again.status()).isEqualTo("approved");
        assertThat(again.deliverTo()).isEmpty();
        assertThat(goldenPhone()).isEqualTo("+49 40 555");
        assertThat(fixture.count("select count(*) from field_history where decision like 'review-%'")).isEqualTo(1);
    }

    private List<ReviewQueue.Review> pending() {
        return fixture.store.inTransaction(c -> fixture.store.reviews().list(c, ReviewQueue.PENDING, 10));
    }

    private String goldenPhone() {
        return fixture.store.inTransaction(c -> fixture.store.golden().load(c, "customer", List.of("C000001")))
                .get("C000001").record().field("phone").value().asText();
    }
}
