package dev.accord.worker;

import io.temporal.testserver.TestServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Temporal Java test server, in process, on a local port: the zero-setup default. Any Temporal client
 * (the CLI, the Temporal CLI, another SDK) can connect to it. Time skipping is locked, so timers take real
 * time. Its state is in memory: checkpoints, change log and run records live in the Accord store.
 */
public final class EmbeddedTemporal implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedTemporal.class);

    private final TestServer.PortBoundTestServer server;
    private final int port;

    public EmbeddedTemporal(int port) {
        this.port = port;
        try {
            this.server = TestServer.createPortBoundServer(port, true);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot start the embedded Temporal server on 127.0.0.1:" + port
                    + " (is another worker running?): " + e.getMessage()
                    + "; set ACCORD_EMBEDDED_TEMPORAL_PORT to another port, or TEMPORAL_ADDRESS to use a running server", e);
        }
        LOG.info("embedded Temporal server listening on 127.0.0.1:{}", port);
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        server.close();
    }
}
