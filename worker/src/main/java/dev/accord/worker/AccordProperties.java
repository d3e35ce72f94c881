package dev.accord.worker;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The worker's settings ({@code accord.*} in application.yaml), with defaults for the embedded mode.
 *
 * @param contract the sync contract this worker runs
 * @param deploymentId where this worker runs, recorded with every run
 */
@ConfigurationProperties("accord")
public record AccordProperties(Path contract, String deploymentId, Temporal temporal) {

    /**
     * @param address host:port of a Temporal frontend; blank starts the in-process test server
     * @param namespace the Temporal namespace
     * @param embeddedPort where the in-process server listens when {@code address} is blank
     * @param tls connect to {@code address} over TLS
     */
    public record Temporal(String address, String namespace, int embeddedPort, boolean tls) {

        public boolean embedded() {
            return address == null || address.isBlank();
        }

        public String target() {
            return embedded() ? "127.0.0.1:" + embeddedPort : address;
        }
    }
}
