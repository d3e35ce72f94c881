package dev.accord.worker.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.store.AccordStore;
import dev.accord.worker.AccordWorkerApplication;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Who may call what on the HTTP API, for every endpoint: 401 without a valid token, 403 with the wrong role,
 * through with the right one; writes are audited (refused ones too); PII is masked for non-stewards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiSecurityIT {

    private static final String VIEWER = "viewer-token";
    private static final String OPERATOR = "operator-token";
    private static final String STEWARD = "steward-token";
    private static final String OTHER_STEWARD = "order-steward-token";

    private final String id = "api_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final HttpClient http = HttpClient.newHttpClient();
    private ConfigurableApplicationContext worker;
    private String base;

    @BeforeAll
    void startWorker() throws IOException {
        worker = new SpringApplicationBuilder(AccordWorkerApplication.class).run(
                "--accord.contract=" + Path.of("..", "examples", "customers.contract.yaml").toAbsolutePath(),
                "--accord.temporal.address=",
                "--accord.temporal.embedded-port=" + freePort(),
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:" + id + ";DB_CLOSE_DELAY=-1",
                "--accord.api.tokens[0].name=vera", "--accord.api.tokens[0].token-sha256=" + sha(VIEWER), "--accord.api.tokens[0].roles=viewer",
                "--accord.api.tokens[1].name=otto", "--accord.api.tokens[1].token-sha256=" + sha(OPERATOR), "--accord.api.tokens[1].roles=operator",
                "--accord.api.tokens[2].name=stella", "--accord.api.tokens[2].token-sha256=" + sha(STEWARD), "--accord.api.tokens[2].roles=steward",
                "--accord.api.tokens[2].domains=customer",
                "--accord.api.tokens[3].name=oscar", "--accord.api.tokens[3].token-sha256=" + sha(OTHER_STEWARD),
                "--accord.api.tokens[3].roles=steward", "--accord.api.tokens[3].domains=order");
        base = "http://127.0.0.1:" + worker.getEnvironment().getProperty("local.server.port");
    }

    @AfterAll
    void stopWorker() {
        if (worker != null) {
            worker.close();
        }
    }

    @Test
    void everyReadNeedsAToken() throws Exception {
        for (String path : List.of("/api/runs", "/api/runs/nope", "/api/records/customer/C000001/history", "/api/reviews",
                "/api/killswitch", "/api/flows/crm-customers/sync")) {
            assertThat(call("GET", path, null, null)).as("GET %s without a token", path).isEqualTo(401);
            assertThat(call("GET", path, null, "not-a-token")).as("GET %s with an unknown token", path).isEqualTo(401);
            assertThat(call("GET", path, null, VIEWER)).as("GET %s as viewer", path).isNotIn(401, 403);
        }
    }

    @Test
    void changingStateNeedsAnOperator() throws Exception {
        List<String[]> writes = List.of(
                new String[] {"POST", "/api/flows/crm-customers/sync", "{\"dryRun\":true}"},
                new String[] {"POST", "/api/flows/crm-customers/sync/pause", null},
                new String[] {"POST", "/api/rollbacks", "{\"runId\":\"no-such-run\"}"},
                new String[] {"PUT", "/api/killswitch", "{\"engaged\":false,\"reason\":\"test\"}"});
        for (String[] write : writes) {
            assertThat(call(write[0], write[1], write[2], null)).as("%s %s without a token", write[0], write[1]).isEqualTo(401);
            assertThat(call(write[0], write[1], write[2], VIEWER)).as("%s %s as viewer", write[0], write[1]).isEqualTo(403);
            assertThat(call(write[0], write[1], write[2], STEWARD)).as("%s %s as steward", write[0], write[1]).isEqualTo(403);
            assertThat(call(write[0], write[1], write[2], OPERATOR)).as("%s %s as operator", write[0], write[1]).isNotIn(401, 403);
        }
    }

    @Test
    void reviewDecisionsNeedAStewardOfTheDomain() throws Exception {
        String path = "/api/reviews/customer/C000001/phone/approve";
        assertThat(call("POST", path, "{}", null)).isEqualTo(401);
        assertThat(call("POST", path, "{}", OPERATOR)).isEqualTo(403);
        assertThat(call("POST", path, "{}", OTHER_STEWARD)).isEqualTo(403);
        assertThat(call("POST", path, "{\"note\":\"ok\"}", STEWARD)).as("no review is open: not found, but allowed").isEqualTo(404);
    }

    @Test
    void theCodecIsForStewardsOnly() throws Exception {
        // {"email":"ada@example.com"}: e-mail is a pii: true field of the contract
        String body = "{\"payloads\":[{\"metadata\":{\"encoding\":\"anNvbi9wbGFpbg==\"},\"data\":\"eyJlbWFpbCI6ImFkYUBleGFtcGxlLmNvbSJ9\"}]}";
        assertThat(call("POST", "/codec/decode", body, VIEWER)).isEqualTo(403);
        assertThat(call("POST", "/codec/decode", body, OPERATOR)).isEqualTo(403);
        HttpResponse<String> encoded = send("POST", "/codec/encode", body, STEWARD);
        assertThat(encoded.statusCode()).isEqualTo(200);
        assertThat(encoded.body()).doesNotContain("eyJlbWFpbCI6ImFkYUBleGFtcGxlLmNvbSJ9");
        HttpResponse<String> decoded = send("POST", "/codec/decode", encoded.body(), STEWARD);
        assertThat(decoded.body()).contains("eyJlbWFpbCI6ImFkYUBleGFtcGxlLmNvbSJ9");
    }

    @Test
    void everyWriteIsAuditedAllowedOrNot() throws Exception {
        call("PUT", "/api/killswitch", "{\"engaged\":false,\"reason\":\"audit test\"}", VIEWER);
        call("PUT", "/api/killswitch", "{\"engaged\":false,\"reason\":\"audit test\"}", OPERATOR);
        AccordStore store = worker.getBean(AccordStore.class);

        var audit = store.inTransaction(c -> store.apiAudit().recent(c, 200)).stream()
                .filter(e -> e.path().equals("/api/killswitch")).toList();

        assertThat(audit).anySatisfy(e -> {
            assertThat(e.caller()).isEqualTo("vera");
            assertThat(e.status()).isEqualTo(403);
        });
        assertThat(audit).anySatisfy(e -> {
            assertThat(e.caller()).isEqualTo("otto");
            assertThat(e.roles()).isEqualTo("operator,viewer");
            assertThat(e.status()).isEqualTo(200);
        });
    }

    @Test
    void anyRefusedRequestIsAnswered401Or403AndAuditedWhateverItsMethodOrPath() throws Exception {
        String longPath = "/api/runs/" + "r".repeat(10_000);
        String oddMethod = "X-ACCORD-" + "M".repeat(60);
        List<Object[]> refused = List.of(
                new Object[] {"PROPFIND", "/api/runs", null, 401},
                new Object[] {"PROPFIND", "/api/runs", VIEWER, 403},
                new Object[] {"PROPPATCH", "/api/killswitch", STEWARD, 403},
                new Object[] {oddMethod, "/api/killswitch", null, 401},
                new Object[] {oddMethod, "/api/killswitch", VIEWER, 403},
                new Object[] {"GET", longPath, null, 401},
                new Object[] {"POST", longPath, VIEWER, 403},
                new Object[] {"GET", "/api/%2e%2e/runs", VIEWER, 403},
                new Object[] {"GET", "/not-an-endpoint", null, 401},
                new Object[] {"GET", "/not-an-endpoint", VIEWER, 403});
        for (Object[] r : refused) {
            assertThat(call((String) r[0], (String) r[1], null, (String) r[2])).as("%s %.40s as %s", r[0], r[1], r[2]).isEqualTo(r[3]);
        }
        AccordStore store = worker.getBean(AccordStore.class);

        var audit = store.inTransaction(c -> store.apiAudit().recent(c, 1000));

        for (Object[] r : refused) {
            String method = (String) r[0];
            assertThat(audit).as("audited: %s %.40s", r[0], r[1]).anySatisfy(e -> {
                assertThat(e.path()).isEqualTo(r[1]);
                assertThat(e.status()).isEqualTo(r[3]);
                assertThat(method.startsWith(e.method().substring(0, Math.min(8, e.method().length())))).isTrue();
            });
        }
        assertThat(audit).filteredOn(e -> e.method().startsWith("X-ACCORD-"))
                .allSatisfy(e -> assertThat(e.method()).hasSizeLessThanOrEqualTo(32).contains("…#"));
    }

    @Test
    void theQuarantineIsReadByAnyoneMaskedReplayedAndDiscardedByOperatorsAndEveryCallIsAudited() throws Exception {
        AccordStore store = worker.getBean(AccordStore.class);
        store.inTransaction(c -> {
            store.quarantine().add(c, List.of(new dev.accord.store.QuarantineLog.Entry("crm-customers", "crm", "customer",
                    "C000953", "crm|customer|1|C000953", "SCHEMA_CONSTRAINT", "$.email", "'grace(at)example.com' is not an e-mail",
                    "{\"id\":\"C000953\",\"email\":\"grace(at)example.com\"}", "sync/crm-customers", "run-q", 1)));
            return null;
        });
        long id = store.inTransaction(c -> store.quarantine().list(c, new dev.accord.store.QuarantineFilter(null, null, null,
                "C000953"), 1)).get(0).id();

        for (String path : List.of("/api/quarantine", "/api/quarantine?flow=crm-customers&state=all", "/api/quarantine/" + id)) {
            assertThat(call("GET", path, null, null)).as("GET %s without a token", path).isEqualTo(401);
            assertThat(call("GET", path, null, VIEWER)).as("GET %s as viewer", path).isEqualTo(200);
        }
        String asViewer = send("GET", "/api/quarantine/" + id, null, VIEWER).body();
        String asSteward = send("GET", "/api/quarantine?flow=crm-customers", null, STEWARD).body();
        assertThat(asViewer).contains("C000953", "SCHEMA_CONSTRAINT", "\"masked\":true").doesNotContain("grace(at)example.com");
        assertThat(asSteward).contains("grace(at)example.com");
        for (String[] write : List.of(new String[] {"/api/quarantine/replay", "{\"flow\":\"crm-customers\",\"reason\":\"NONE_SUCH\"}"},
                new String[] {"/api/quarantine/discard", "{\"ids\":[" + id + "],\"reason\":\"test data\"}"})) {
            assertThat(call("POST", write[0], write[1], null)).as("POST %s without a token", write[0]).isEqualTo(401);
            assertThat(call("POST", write[0], write[1], VIEWER)).as("POST %s as viewer", write[0]).isEqualTo(403);
            assertThat(call("POST", write[0], write[1], STEWARD)).as("POST %s as steward", write[0]).isEqualTo(403);
            assertThat(call("POST", write[0], write[1], OPERATOR)).as("POST %s as operator", write[0]).isIn(200, 202);
        }
        var discarded = store.inTransaction(c -> store.quarantine().find(c, id)).orElseThrow();
        assertThat(discarded.state()).isEqualTo("discarded");
        assertThat(discarded.actedBy()).isEqualTo("otto");
        var audit = store.inTransaction(c -> store.apiAudit().recent(c, 1000));
        assertThat(audit).anySatisfy(e -> {
            assertThat(e.path()).isEqualTo("/api/quarantine/" + id);
            assertThat(e.method()).isEqualTo("GET");
            assertThat(e.caller()).isEqualTo("vera");
            assertThat(e.status()).isEqualTo(200);
        });
        assertThat(audit).filteredOn(e -> e.path().equals("/api/quarantine/replay")).extracting(e -> e.caller() + " " + e.status())
                .contains("anonymous 401", "vera 403", "stella 403", "otto 202");
    }

    @Test
    void piiIsMaskedForAnyoneButAStewardOfTheDomain() throws Exception {
        AccordStore store = worker.getBean(AccordStore.class);
        store.inTransaction(c -> {
            store.history().append(c, List.of(dev.accord.store.FieldHistory.Entry.builder().domain("customer").key("C000042").field("email")
                    .decision("applied").reason("first value").newValue("\"ada@example.com\"")
                    .sourceSystem("crm").sourceVersion(1).sourceTime(java.time.Instant.now())
                    .flow("crm-customers").workflowId("sync/crm-customers").runId("run-x")
                    .executionRunId("run-x").page(1).contractHash("sha256:x").contractVersion("3")
                    .schemaVersion(3).build()));
            return null;
        });

        String asViewer = send("GET", "/api/records/customer/C000042/history", null, VIEWER).body();
        String asOtherSteward = send("GET", "/api/records/customer/C000042/history", null, OTHER_STEWARD).body();
        String asSteward = send("GET", "/api/records/customer/C000042/history", null, STEWARD).body();

        assertThat(asViewer).doesNotContain("ada@example.com").contains("***");
        assertThat(asOtherSteward).doesNotContain("ada@example.com");
        assertThat(asSteward).contains("ada@example.com");
    }

    private int call(String method, String path, String body, String token) throws Exception {
        return send(method, path, body, token).statusCode();
    }

    private HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String sha(String token) {
        return HexFormat.of().formatHex(TokenAuthentication.sha256(token));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
