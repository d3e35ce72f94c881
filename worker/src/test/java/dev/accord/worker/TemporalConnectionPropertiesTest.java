package dev.accord.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class TemporalConnectionPropertiesTest {

    @Test
    void withoutAnAddressTheTargetIsTheInProcessServerOnLoopback() {
        MockEnvironment settings = new MockEnvironment().withProperty("accord.temporal.address", "")
                .withProperty("accord.temporal.embedded-port", "7299");

        assertThat(TemporalConnectionProperties.properties(settings, Map.of()))
                .containsExactly(Map.entry(TemporalConnectionProperties.TARGET, "127.0.0.1:7299"));
    }

    @Test
    void theAddressIsTheTarget() {
        MockEnvironment settings = new MockEnvironment().withProperty("accord.temporal.address", " acme.tmprl.cloud:7233 ");

        assertThat(TemporalConnectionProperties.properties(settings, Map.of()))
                .containsEntry(TemporalConnectionProperties.TARGET, "acme.tmprl.cloud:7233");
    }

    @Test
    void temporalsStandardTlsVariablesBecomeTheStartersMtlsPropertiesOnlyWhenSet() {
        Map<String, Object> variables = Map.of("TEMPORAL_TLS_CLIENT_CERT_PATH", "/run/secrets/client.pem",
                "TEMPORAL_TLS_CLIENT_KEY_PATH", "/run/secrets/client.key", "TEMPORAL_TLS_SERVER_NAME", " ");

        assertThat(TemporalConnectionProperties.properties(new MockEnvironment(), variables))
                .containsEntry("spring.temporal.connection.mtls.cert-chain-file", "/run/secrets/client.pem")
                .containsEntry("spring.temporal.connection.mtls.key-file", "/run/secrets/client.key")
                .doesNotContainKey("spring.temporal.connection.mtls.server-name");
    }
}
