package dev.accord.worker.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accord.worker.AccordWorkerApplication;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The codec server as the Temporal UI uses it from a browser: the CORS preflight of the configured UI origin answered
 * without a token, other origins refused; with {@code open-without-pii} the UI (no Accord token) reads payloads with
 * PII values still sealed, while a steward's token opens them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CodecServerIT {

    private static final String UI = "http://localhost:8233";
    private static final String STEWARD = "steward-token";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String id = "codec_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final HttpClient http = HttpClient.newHttpClient();
    private ConfigurableApplicationContext worker;
    private String base;

    @BeforeAll
    void startWorker() throws IOException {
        int temporalPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            temporalPort = socket.getLocalPort();
        }
        worker = new SpringApplicationBuilder(AccordWorkerApplication.class).run(
                "--accord.contract=" + Path.of("..", "examples", "customers.contract.yaml").toAbsolutePath(),
                "--accord.temporal.address=",
                "--accord.temporal.embedded-port=" + temporalPort,
                "--accord.payloads.embedded-key-file=" + Path.of(System.getProperty("java.io.tmpdir"), id, "payload.key"),
                "--accord.payloads.codec.allowed-origins=" + UI,
                "--accord.payloads.codec.open-without-pii=true",
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:" + id + ";DB_CLOSE_DELAY=-1",
                "--accord.api.tokens[0].name=stella", "--accord.api.tokens[0].token-sha256=" + sha(STEWARD),
                "--accord.api.tokens[0].roles=steward");
        base = "http://127.0.0.1:" + worker.getEnvironment().getProperty("local.server.port");
    }

    @AfterAll
    void stopWorker() {
        if (worker != null) {
            worker.close();
        }
    }

    @Test
    void theUisPreflightIsAnsweredWithoutATokenAndOtherOriginsAreRefused() throws Exception {
        HttpResponse<String> allowed = preflight(UI);
        HttpResponse<String> other = preflight("https://evil.example.org");

        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains(UI);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase())
                .contains("content-type").contains("x-namespace");
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Credentials")).contains("true");
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void theUiReadsPayloadsWithPiiSealedAndAStewardReadsEverything() throws Exception {
        String plain = "{\"key\":\"C1\",\"email\":\"ada@example.com\",\"plan\":\"gold\"}";
        HttpResponse<String> encoded = post("/codec/encode", body(plain), null);
        assertThat(encoded.statusCode()).isEqualTo(200);
        assertThat(dataOf(encoded.body())).doesNotContain("ada@example.com").contains("pii:v1:").contains("\"plan\":\"gold\"");

        HttpResponse<String> forTheUi = post("/codec/decode", encoded.body(), null);
        HttpResponse<String> forASteward = post("/codec/decode", encoded.body(), STEWARD);

        assertThat(forTheUi.statusCode()).isEqualTo(200);
        assertThat(forTheUi.headers().firstValue("Access-Control-Allow-Origin")).contains(UI);
        assertThat(dataOf(forTheUi.body())).doesNotContain("ada@example.com").contains("\"key\":\"C1\"");
        assertThat(dataOf(forASteward.body())).contains("\"email\":\"ada@example.com\"");
    }

    private HttpResponse<String> preflight(String origin) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/codec/decode"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,x-namespace").build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .header("Origin", UI)
                .header("X-Namespace", "default");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String body(String json) {
        return "{\"payloads\":[{\"metadata\":{\"encoding\":\"" + base64("json/plain") + "\"},\"data\":\"" + base64(json) + "\"}]}";
    }

    private static String dataOf(String payloads) throws IOException {
        JsonNode payload = MAPPER.readTree(payloads).path("payloads").get(0);
        return new String(Base64.getDecoder().decode(payload.path("data").asText()), StandardCharsets.UTF_8);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha(String token) {
        return HexFormat.of().formatHex(TokenAuthentication.sha256(token));
    }
}
