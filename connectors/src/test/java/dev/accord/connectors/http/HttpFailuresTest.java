package dev.accord.connectors.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accord.connectors.SourceCursor;
import dev.accord.connectors.SourceRow;
import dev.accord.connectors.SystemUnavailableException;
import dev.accord.connectors.TargetWrite;
import dev.accord.connectors.WriteResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How the HTTP connector meets an API in trouble, over real HTTP: rate limits and 429 storms answered with
 * Retry-After, 5xx answers, answers slower than the timeout, bodies that are not JSON, refused credentials.
 * Each failure is typed so the activities know whether to wait, retry or stop, and the next call works.
 */
class HttpFailuresTest {

    private static final Instant START = Instant.parse("2024-06-01T08:00:00Z");

    @Test
    void aRateLimitedApiIsWaitedOutAndEveryReadCompletes() {
        try (DeskFixture fixture = new DeskFixture()) {
            fixture.seed(30, START, 1);
            fixture.desk.faults().rateLimit(10);

            for (int i = 1; i <= 30; i++) {
                assertThat(fixture.source().readByKeys(List.of(DeskFixture.key(i)))).hasSize(1);
            }

            assertThat(fixture.desk.statuses().get(429)).as("requests refused with 429 and sent again").isPositive();
            assertThat(fixture.desk.statuses()).containsEntry(200, 30L);
        }
    }

    @Test
    void aShort429StormIsWaitedOutWithinTheCall() {
        try (DeskFixture fixture = new DeskFixture()) {
            fixture.seed(5, START, 1);
            fixture.desk.faults().failNext(2, 429, 1);

            assertThat(fixture.source().readChanges(SourceCursor.BEGINNING, 10).rows()).hasSize(5);
            assertThat(fixture.desk.statuses()).containsEntry(429, 2L);
        }
    }

    @Test
    void a429StormLongerThanACallMayWaitMakesTheSystemUnavailableAndNothingIsWritten() {
        try (DeskFixture fixture = new DeskFixture()) {
            fixture.seed(1, START, 1);
            fixture.desk.faults().failNext(50, 429, 60);

            assertThatThrownBy(() -> fixture.target().apply(List.of(new TargetWrite("C001", 1L, TargetWrite.Kind.UPSERT,
                    Map.of("name", "x"))))).isInstanceOfSatisfying(SystemUnavailableException.class, e -> {
                        assertThat(e.reason()).isEqualTo(SystemUnavailableException.Reason.THROTTLED);
                        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(60));
                    });
            fixture.desk.faults().failNext(0, 429, 0);
            assertThat(fixture.desk.contacts().get("C001").orElseThrow().get("name").asText()).isEqualTo("Contact 1");
        }
    }

    @Test
    void a503WithRetryAfterIsSentAgainAndA500IsARetryableAccessFailure() {
        try (DeskFixture fixture = new DeskFixture()) {
            fixture.seed(2, START, 1);
            fixture.desk.faults().failNext(1, 503, 1);
            assertThat(fixture.source().readByKeys(List.of("C001"))).hasSize(1);

            fixture.desk.faults().failNext(1, 500, 0);
            assertThatThrownBy(() -> fixture.source().readChanges(SourceCursor.BEGINNING, 10))
                    .isInstanceOfSatisfying(HttpAccessException.class, e -> assertThat(e.status()).isEqualTo(500))
                    .hasMessageContaining("GET " + fixture.desk.baseUrl() + "/api/contacts");
            assertThat(fixture.source().readChanges(SourceCursor.BEGINNING, 10).rows()).hasSize(2);
        }
    }

    @Test
    void anAnswerSlowerThanTheTimeoutFailsTheCallAndTheNextOneWorks() {
        try (DeskFixture fixture = new DeskFixture()) {
            fixture.seed(2, START, 1);
            fixture.desk.faults().slowNext(1, Duration.ofMillis(5000));

            assertThatThrownBy(() -> fixture.source().readByKeys(List.of("C001")))
                    .isInstanceOfSatisfying(HttpAccessException.class, e -> assertThat(e.status()).isZero())
                    .hasMessageContaining("no answer within 2000 ms");
            assertThat(fixture.source().readByKeys(List.of("C001"))).extracting(SourceRow::key).containsExactly("C001");
        }
    }

    @Test
    void aBodyThatIsNotJsonIsAnAccessFailureNamingTheRequest() {
        try (DeskFixture fixture = new DeskFixture()) {
            fixture.seed(3, START, 1);
            fixture.desk.faults().malformedNext(1);

            assertThatThrownBy(() -> fixture.source().readChanges(SourceCursor.BEGINNING, 10))
                    .isInstanceOf(HttpAccessException.class).hasMessageContaining("a body that is not JSON");
            fixture.desk.faults().malformedNext(1);
            assertThatThrownBy(() -> fixture.target().apply(List.of(new TargetWrite("C009", null, TargetWrite.Kind.UPSERT,
                    Map.of("name", "n"))))).isInstanceOf(HttpAccessException.class);
            assertThat(fixture.desk.contacts().get("C009")).as("the write landed; only its answer was broken").isPresent();
            assertThat(fixture.target().apply(List.of(new TargetWrite("C009", null, TargetWrite.Kind.UPSERT, Map.of("name", "n")))))
                    .extracting(WriteResult::status).containsExactly(WriteResult.Status.CONFLICT);
        }
    }

    @Test
    void refusedCredentialsAreAConfigurationError() {
        try (DeskFixture fixture = new DeskFixture(DeskFixture.CURSOR_PAGING, "etag", "soft", "wrong")) {
            assertThatThrownBy(() -> fixture.source().readChanges(SourceCursor.BEGINNING, 10))
                    .isInstanceOf(HttpConfigurationException.class).hasMessageContaining("answered 401")
                    .hasMessageContaining("check the system's credentials");
        }
    }
}
