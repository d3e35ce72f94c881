package dev.accord.worker.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.activities.store.AccordStore;
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
        String body = "{\"payloads\":[{\"metadata\":{\"encoding\":\"anNvbi9wbGFpbg==\"},\"data\":\"eyJhIjoxfQ==\"}]}";
        assertThat(call("POST", "/codec/decode", body, VIEWER)).isEqualTo(403);
        assertThat(call("POST", "/codec/decode", body, OPERATOR)).isEqualTo(403);
        HttpResponse<String> encoded = send("POST", "/codec/encode", body, STEWARD);
        assertThat(encoded.statusCode()).isEqualTo(200);
        assertThat(encoded.body()).contains("YmluYXJ5L2VuY3J5cHRlZA==");
        HttpResponse<String> decoded = send("POST", "/codec/decode", encoded.body(), STEWARD);
        assertThat(decoded.body()).contains("eyJhIjoxfQ==");
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
    void piiIsMaskedForAnyoneButAStewardOfTheDomain() throws Exception {
        AccordStore store = worker.getBean(AccordStore.class);
        store.inTransaction(c -> {
            store.history().append(c, List.of(new dev.accord.activities.store.FieldHistory.Entry(0, "customer", "C000042", "email",
                    "applied", "first value", null, "\"ada@example.com\"", null, null, "crm", 1, java.time.Instant.now(),
                    "crm-customers", "sync/crm-customers", "run-x", "run-x", 1, "sha256:x", "3", 3, null, null)));
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
