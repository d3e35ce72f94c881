package dev.accord.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.core.page.ResolvedPage;
import dev.accord.core.record.SourceChange;
import dev.accord.core.review.ReviewDecision;
import dev.accord.core.review.ReviewTerms;
import dev.accord.engine.telemetry.SyncMetrics;
import dev.accord.engine.telemetry.Telemetry;
import dev.accord.engine.telemetry.TraceIds;
import dev.accord.store.ReviewQueue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The contract's review settings reach the parked review, its workflow's input, and the escalation metric. */
class ReviewTermsTest {

    private static final String REVIEW_ID = "customer/C000001/phone";

    private final HubFixture fixture = new HubFixture(text -> text.replace("merge: last-writer-wins",
            "merge: review\n        review: { deadline: 2h, default: approve }"));
    private final List<String> escalations = new ArrayList<>();
    private final Engine counted = fixture.engine.withTelemetry(new Telemetry(new SyncMetrics() {
        @Override
        public void escalated(String flow, String domain, String field) {
            escalations.add(flow + " " + domain + "." + field);
        }
    }, TraceIds.NONE));
    private final Hub hub = counted.hub();

    ReviewTermsTest() throws Exception {
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aParkedChangeCarriesTheContractsDeadlineAndDefault() {
        Instant before = Instant.now();
        ResolvedPage parked = supportProposesAnotherPhone();

        assertThat(parked.termsOf(REVIEW_ID)).isEqualTo(new ReviewTerms(Duration.ofHours(2).toSeconds(), "approve"));
        assertThat(pending()).singleElement().satisfies(r -> {
            assertThat(r.defaultAction()).isEqualTo("approve");
            assertThat(r.deadline()).isBetween(before.plus(Duration.ofHours(2)), Instant.now().plus(Duration.ofHours(2)));
        });
    }

    @Test
    void escalationIsCountedOnceWhileTheReviewIsPending() {
        supportProposesAnotherPhone();
        ReviewDesk desk = counted.reviewDesk();

        desk.escalate(REVIEW_ID);
        desk.decide(new ReviewDecision(REVIEW_ID, "approve", null, "deadline", "nobody decided"), "review/test");
        desk.escalate(REVIEW_ID);

        assertThat(escalations).containsExactly("support-customers customer.phone");
    }

    private ResolvedPage supportProposesAnotherPhone() {
        hub.resolve(HubFixture.page("crm-customers", "run-1", 1), List.of(HubTest.crm("C000001", 1)), false);
        return hub.resolve(HubFixture.page("support-customers", "run-2", 1), List.of(SourceChange.upsert("support", "customer",
                "C000001", 4, HubTest.T0.plusSeconds(60), Map.of("phone", HubTest.text("+49 40 555")))), false);
    }

    private List<ReviewQueue.Review> pending() {
        return fixture.store.inTransaction(c -> fixture.store.reviews().list(c, ReviewQueue.PENDING, 10));
    }
}
