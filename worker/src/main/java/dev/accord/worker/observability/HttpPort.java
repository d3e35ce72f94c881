package dev.accord.worker.observability;

import dev.accord.worker.TemporalEndpoint;
import java.io.IOException;
import java.net.ServerSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.boot.web.server.ConfigurableWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * The worker's HTTP port ({@code ACCORD_HTTP_PORT}, default 8080: actuator health and Prometheus metrics). In
 * the embedded mode a busy port is not worth failing the demo for: the worker takes a free one and says which.
 * Against a real Temporal server the port is part of the deployment, so a busy one fails the start.
 */
final class HttpPort implements WebServerFactoryCustomizer<ConfigurableWebServerFactory>, ApplicationListener<WebServerInitializedEvent>,
        Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(HttpPort.class);

    private final TemporalEndpoint temporal;
    private final Environment environment;

    HttpPort(TemporalEndpoint temporal, Environment environment) {
        this.temporal = temporal;
        this.environment = environment;
    }

    @Override
    public void customize(ConfigurableWebServerFactory factory) {
        int port = environment.getProperty("server.port", Integer.class, 8080);
        if (temporal.isEmbedded() && port > 0 && busy(port)) {
            LOG.info("port {} is taken; the worker's HTTP endpoints use a free port instead", port);
            factory.setPort(0);
        }
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        LOG.info("metrics: http://127.0.0.1:{}/actuator/prometheus", event.getWebServer().getPort());
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    private static boolean busy(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
