package dev.accord.connectors.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.accord.connectors.SourceCursor;
import dev.accord.connectors.SourceRow;
import dev.accord.connectors.TargetConnector;
import dev.accord.connectors.TargetRow;
import dev.accord.connectors.TargetWrite;
import dev.accord.connectors.Throttle;
import dev.accord.connectors.WriteResult;
import dev.accord.core.validation.ReasonCode;
import dev.accord.demodesk.SupportDesk;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Creates in an API that assigns its own ids (system {@code assigning}: the desk, {@code key: {column: id, assigned:
 * true, external-id: accord_id}}), over real HTTP: a POST without the id, with the canonical id as its
 * {@code Idempotency-Key} and in {@code accord_id}; the id comes from the answer's body, else its {@code Location};
 * the same create sent again after a crash gets the same record back and the desk holds one.
 */
class HttpAssignedIdsTest {

    @Test
    void aCreateIsAPostWithoutIdThatTheDeskAnswersWithTheIdItAssigned() {
        try (DeskFixture fixture = new DeskFixture()) {
            TargetConnector target = fixture.connectors.target("assigning", "contact");

            List<WriteResult> results = target.apply(List.of(create("acc-1", "Ada"), create("acc-2", "Grace")));

            assertThat(results).extracting(WriteResult::key, WriteResult::status, WriteResult::newVersion, WriteResult::assignedKey)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("acc-1", WriteResult.Status.APPLIED, 1L, "ct_1"),
                            org.assertj.core.groups.Tuple.tuple("acc-2", WriteResult.Status.APPLIED, 1L, "ct_2"));
            assertThat(fixture.desk.contacts().all()).containsOnlyKeys("ct_1", "ct_2");
            JsonNode ada = fixture.desk.contacts().get("ct_1").orElseThrow();
            assertThat(ada.get("name").asText()).isEqualTo("Ada");
            assertThat(ada.get("accord_id").asText()).isEqualTo("acc-1");
            assertThat(fixture.desk.statuses()).containsEntry(201, 2L);

            // The engine then writes by the desk's id; the ETag the create answered with is the precondition.
            assertThat(target.apply(List.of(new TargetWrite("ct_1", 1L, TargetWrite.Kind.UPSERT, columns("acc-1", "Ada L.")))))
                    .containsExactly(new WriteResult("ct_1", WriteResult.Status.APPLIED, 2L));
            assertThat(fixture.desk.contacts().get("ct_1").orElseThrow().get("name").asText()).isEqualTo("Ada L.");
        }
    }

    @Test
    void theSameCreateSentAgainAfterACrashGetsTheSameIdAndTheDeskHoldsOneContact() {
        try (DeskFixture fixture = new DeskFixture()) {
            WriteResult first = fixture.connectors.target("assigning", "contact").apply(List.of(create("acc-1", "Ada"))).get(0);

            // The worker crashed before the link was recorded; a new one sends the create again, its values changed since.
            TargetConnector again = fixture.freshConnectors().target("assigning", "contact");
            List<WriteResult> retried = again.apply(List.of(create("acc-1", "Ada L.")));

            assertThat(retried).containsExactly(WriteResult.created("acc-1", 1L, first.assignedKey()));
            assertThat(fixture.desk.contacts().size()).isEqualTo(1);
            assertThat(fixture.desk.contacts().get(first.assignedKey()).orElseThrow().get("name").asText()).isEqualTo("Ada");
            TargetRow row = again.readByKeys(List.of(first.assignedKey())).get(first.assignedKey());
            assertThat(row.version()).isEqualTo(1L);
        }
    }

    @Test
    void aCreateWhoseAnswerIsLostIsSentAgainAndGetsTheRecordItMade() {
        try (DeskFixture fixture = new DeskFixture()) {
            TargetConnector target = fixture.connectors.target("assigning", "contact");
            fixture.desk.faults().malformedNext(1);

            assertThatThrownBy(() -> target.apply(List.of(create("acc-1", "Ada")))).isInstanceOf(HttpAccessException.class);
            assertThat(fixture.desk.contacts().size()).as("the desk made the contact; its answer was cut off").isEqualTo(1);

            List<WriteResult> retried = target.apply(List.of(create("acc-1", "Ada")));

            assertThat(retried).containsExactly(WriteResult.created("acc-1", 1L, "ct_1"));
            assertThat(fixture.desk.contacts().all()).containsOnlyKeys("ct_1");
        }
    }

    @Test
    void aCreateTheDeskRefusesIsRejectedAndTheOthersLand() {
        try (DeskFixture fixture = new DeskFixture()) {
            Map<String, Object> invalid = columns("acc-2", "Bad");
            invalid.put("email", "not an address");

            List<WriteResult> results = fixture.connectors.target("assigning", "contact").apply(List.of(create("acc-1", "Ada"),
                    new TargetWrite("acc-2", null, TargetWrite.Kind.UPSERT, invalid), create("acc-3", "Grace")));

            assertThat(results).extracting(WriteResult::status).containsExactly(WriteResult.Status.APPLIED, WriteResult.Status.REJECTED,
                    WriteResult.Status.APPLIED);
            assertThat(results.get(1).rejection().reason()).isEqualTo(ReasonCode.TARGET_REJECTED);
            assertThat(fixture.desk.contacts().all()).hasSize(2);
            assertThat(fixture.desk.contacts().all().values()).extracting(c -> c.get("accord_id").asText())
                    .containsExactlyInAnyOrder("acc-1", "acc-3");
        }
    }

    @Test
    void aCreateWhoseKeyIsAlreadyTheRecordsOwnIdGoesToItsItemPathAsBefore() {
        try (DeskFixture fixture = new DeskFixture()) {
            // A record linked here already (its accord_id holds its canonical id, not the key) whose record is gone.
            List<WriteResult> results = fixture.connectors.target("assigning", "contact")
                    .apply(List.of(new TargetWrite("C900", null, TargetWrite.Kind.UPSERT, columns("acc-9", "Ada"))));

            assertThat(results).containsExactly(new WriteResult("C900", WriteResult.Status.APPLIED, 1L));
            assertThat(fixture.desk.contacts().all()).containsOnlyKeys("C900");
            assertThat(fixture.desk.contacts().get("C900").orElseThrow().get("accord_id").asText()).isEqualTo("acc-9");
        }
    }

    @Test
    void readsBringTheDesksOwnIdAndAccordsIdAmongTheColumns() {
        try (DeskFixture fixture = new DeskFixture()) {
            fixture.seed(1, Instant.parse("2024-06-01T08:00:00Z"), 1);
            fixture.connectors.target("assigning", "contact").apply(List.of(create("acc-2", "Grace")));

            List<SourceRow> rows = fixture.connectors.source("assigning", "contact").readChanges(SourceCursor.BEGINNING, 10).rows();

            assertThat(rows).extracting(SourceRow::key).containsExactly("C001", "ct_1");
            assertThat(rows.get(0).columns()).containsEntry("id", "C001").doesNotContainKey("accord_id");
            assertThat(rows.get(1).columns()).containsEntry("id", "ct_1").containsEntry("accord_id", "acc-2")
                    .containsEntry("name", "Grace");
            assertThat(fixture.connectors.target("assigning", "contact").readByKeys(List.of("ct_1")).get("ct_1").columns())
                    .containsEntry("id", "ct_1").containsEntry("accord_id", "acc-2");
        }
    }

    @Test
    void theDeskAssignsIdsAnswersWithLocationAndHonoursTheIdempotencyKey() throws Exception {
        try (SupportDesk desk = new SupportDesk(null).start()) {
            HttpResponse<String> first = post(desk, "{\"name\":\"Ada\"}", "key-1");
            HttpResponse<String> replayed = post(desk, "{\"name\":\"Someone else\"}", "key-1");
            HttpResponse<String> other = post(desk, "{\"name\":\"Grace\"}", null);
            HttpResponse<String> another = post(desk, "{\"name\":\"Grace\"}", null);

            assertThat(first.statusCode()).isEqualTo(201);
            JsonNode created = DeskFixture.JSON.readTree(first.body());
            String id = created.get("id").asText();
            assertThat(id).startsWith("ct_");
            assertThat(first.headers().firstValue("Location")).hasValue(desk.baseUrl() + "/api/contacts/" + id);
            assertThat(first.headers().firstValue("ETag")).hasValue("\"1\"");
            assertThat(replayed.statusCode()).isEqualTo(201);
            assertThat(replayed.headers().firstValue("Idempotent-Replayed")).hasValue("true");
            assertThat(DeskFixture.JSON.readTree(replayed.body()).get("id").asText()).isEqualTo(id);
            assertThat(DeskFixture.JSON.readTree(replayed.body()).get("name").asText()).isEqualTo("Ada");
            assertThat(other.statusCode()).isEqualTo(201);
            assertThat(another.statusCode()).as("without the header, each POST creates").isEqualTo(201);
            assertThat(desk.contacts().size()).isEqualTo(3);
        }
    }

    @Test
    void anApiThatAnswersWithOnlyALocationGivesTheIdInItsLastSegment() throws IOException {
        List<Map<String, String>> requests = new ArrayList<>();
        HttpServer api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
        api.createContext("/api/contacts", exchange -> {
            try (exchange) {
                requests.add(Map.of("method", exchange.getRequestMethod(),
                        "idempotency", String.valueOf(exchange.getRequestHeaders().getFirst("Idempotency-Key")),
                        "body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                exchange.getResponseHeaders().set("Location", "/api/contacts/R-77/");
                exchange.sendResponseHeaders(201, -1);
            }
        });
        api.start();
        try {
            Map<String, String> environment = Map.of("DESK_URL", "http://127.0.0.1:" + api.getAddress().getPort(), "DESK_TOKEN", "t");
            HttpConnectors connectors = new HttpConnectors(DeskFixture.contract(DeskFixture.CURSOR_PAGING, "etag", "soft"),
                    environment::get, system -> Throttle.NONE);

            List<WriteResult> results = connectors.target("assigning", "contact").apply(List.of(create("acc-9", "Ada")));

            assertThat(results).containsExactly(WriteResult.created("acc-9", null, "R-77"));
            assertThat(requests).hasSize(1);
            assertThat(requests.get(0)).containsEntry("method", "POST").containsEntry("idempotency", "acc-9");
            JsonNode body = DeskFixture.JSON.readTree(requests.get(0).get("body"));
            assertThat(body.has("id")).isFalse();
            assertThat(body.get("accord_id").asText()).isEqualTo("acc-9");
            assertThat(body.get("name").asText()).isEqualTo("Ada");
        } finally {
            api.stop(0);
        }
    }

    @Test
    void locationsLastSegment() {
        assertThat(HttpWrites.lastSegment("https://api.example.com/v2/contacts/ct_12")).isEqualTo("ct_12");
        assertThat(HttpWrites.lastSegment("/contacts/a%20b/")).isEqualTo("a b");
        assertThat(HttpWrites.lastSegment(null)).isNull();
        assertThat(HttpWrites.lastSegment("/")).isNull();
    }

    /** A create as the engine sends it for a record not linked yet: the canonical id as key and in the external-id column. */
    private static TargetWrite create(String canonicalId, String name) {
        return new TargetWrite(canonicalId, null, TargetWrite.Kind.UPSERT, columns(canonicalId, name));
    }

    private static Map<String, Object> columns(String canonicalId, String name) {
        Map<String, Object> columns = new HashMap<>();
        columns.put("name", name);
        columns.put("accord_id", canonicalId);
        return columns;
    }

    private static HttpResponse<String> post(SupportDesk desk, String body, String idempotencyKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(desk.baseUrl() + "/api/contacts"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
