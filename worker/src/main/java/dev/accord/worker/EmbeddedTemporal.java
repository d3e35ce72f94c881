package dev.accord.worker;

import dev.accord.workflows.runs.SearchAttributeRegistration;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.temporal.internal.testservice.TestServicesStarter;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Temporal Java test server, in process, on a local port: the zero-setup default. Any Temporal client
 * (the CLI, the Temporal CLI, another SDK) on this machine can connect to it; it listens on the loopback address
 * only, never on the machine's other interfaces (it has no authentication). Time skipping is locked, so timers take
 * real time. Its state is in memory: checkpoints, change log and run records live in the Accord store.
 *
 * <p>{@code TestServer.createPortBoundServer} binds every interface, so the server is assembled here the same way
 * from the test server's public parts: its services ({@link TestServicesStarter}) and their health checks
 * ({@link GRPCServerHelper}) on a gRPC server built for the loopback socket address (grpc-netty-shaded, which the
 * SDK's service client already brings; this gRPC version's {@code Grpc} has no builder for an address).
 */
public final class EmbeddedTemporal implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedTemporal.class);

    private final TestServicesStarter services;
    private final Server server;
    private final InetSocketAddress address;

    public EmbeddedTemporal(int port) {
        this.address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        this.services = new TestServicesStarter(true, 0);
        try {
            ServerBuilder<?> builder = NettyServerBuilder.forAddress(address, InsecureServerCredentials.create());
            GRPCServerHelper.registerServicesAndHealthChecks(services.getServices(), builder);
            this.server = builder.build().start();
        } catch (IOException | RuntimeException e) {
            services.close();
            throw new IllegalStateException("cannot start the embedded Temporal server on " + hostAndPort()
                    + " (is another worker running?): " + e.getMessage()
                    + "; set ACCORD_EMBEDDED_TEMPORAL_PORT to another port, or TEMPORAL_ADDRESS to use a running server", e);
        }
        LOG.info("embedded Temporal server listening on {}", hostAndPort());
        registerSearchAttributes();
    }

    /**
     * Accord's search attributes, so that a client starting a run before any worker has connected (the CLI against
     * {@code accord temporal}) is not refused. The test server keeps them in memory, like everything else.
     */
    private void registerSearchAttributes() {
        WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
                .setTarget(hostAndPort()).build());
        try {
            SearchAttributeRegistration.Result result = SearchAttributeRegistration.register(stubs, "default");
            if (result.refused()) {
                LOG.warn("the embedded Temporal server refused Accord's search attributes ({}); runs started with them will fail",
                        result.refusal());
            }
        } finally {
            stubs.shutdown();
        }
    }

    public int port() {
        return address.getPort();
    }

    /** Where clients connect: {@code 127.0.0.1:<port>}. */
    public String hostAndPort() {
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    @Override
    public void close() {
        server.shutdown();
        try {
            if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("the embedded Temporal server did not stop within 5 s; stopping it now");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            services.close();
            server.shutdownNow();
        }
    }
}
