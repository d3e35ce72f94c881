package dev.accord.worker;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;

/**
 * The parts of Temporal's starter's connection ({@code spring.temporal.connection.*}) that depend on more than one
 * setting, filled in before the starter reads them. The target: {@code accord.temporal.address} ({@code TEMPORAL_ADDRESS}),
 * or the in-process server on {@code 127.0.0.1:<accord.temporal.embedded-port>} when that is blank. mTLS: Temporal's
 * standard variables {@code TEMPORAL_TLS_CLIENT_CERT_PATH}, {@code TEMPORAL_TLS_CLIENT_KEY_PATH} and
 * {@code TEMPORAL_TLS_SERVER_NAME}, each only when set (the starter would take an empty file name for a file). Anything
 * set explicitly as {@code spring.temporal.*} wins: these come last.
 */
public final class TemporalConnectionProperties implements EnvironmentPostProcessor {

    static final String TARGET = "spring.temporal.connection.target";

    /** Temporal's variable → the starter's property. */
    static final Map<String, String> MTLS = Map.of(
            "TEMPORAL_TLS_CLIENT_CERT_PATH", "spring.temporal.connection.mtls.cert-chain-file",
            "TEMPORAL_TLS_CLIENT_KEY_PATH", "spring.temporal.connection.mtls.key-file",
            "TEMPORAL_TLS_SERVER_NAME", "spring.temporal.connection.mtls.server-name");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("accordTemporalConnection",
                properties(environment, environment.getSystemEnvironment())));
    }

    static Map<String, Object> properties(Environment settings, Map<String, Object> variables) {
        Map<String, Object> properties = new LinkedHashMap<>();
        String address = settings.getProperty("accord.temporal.address", "");
        properties.put(TARGET, address.isBlank() ? "127.0.0.1:" + settings.getProperty("accord.temporal.embedded-port", "7233") : address.trim());
        MTLS.forEach((variable, property) -> {
            Object value = variables.get(variable);
            if (value != null && !value.toString().isBlank()) {
                properties.put(property, value.toString().trim());
            }
        });
        return properties;
    }
}
