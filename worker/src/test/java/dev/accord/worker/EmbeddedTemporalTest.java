package dev.accord.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.grpc.health.v1.HealthCheckResponse;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The embedded server answers Temporal clients on 127.0.0.1 and refuses connections on the machine's other addresses. */
class EmbeddedTemporalTest {

    @Test
    void servesTemporalOnLoopback() throws IOException {
        try (EmbeddedTemporal temporal = new EmbeddedTemporal(freePort())) {
            WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
                    .setTarget(temporal.hostAndPort()).build());
            try {
                assertThat(temporal.hostAndPort()).isEqualTo("127.0.0.1:" + temporal.port());
                assertThat(stubs.healthCheck().getStatus()).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
            } finally {
                stubs.shutdownNow();
            }
        }
    }

    @Test
    void refusesConnectionsOnEveryOtherAddressOfThisMachine() throws IOException {
        Optional<InetAddress> other = nonLoopbackAddress();
        assumeThat(other).as("this machine has no non-loopback IPv4 address to try").isPresent();
        int port = freePort();
        try (EmbeddedTemporal temporal = new EmbeddedTemporal(port)) {
            assertThat(connects(InetAddress.getLoopbackAddress(), port)).as("127.0.0.1").isTrue();
            assertThat(connects(other.get(), port)).as(other.get().getHostAddress()).isFalse();
        }
    }

    private static boolean connects(InetAddress address, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2_000);
            return true;
        } catch (ConnectException refused) {
            return false;
        }
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
        return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .filter(EmbeddedTemporalTest::up)
                .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                .findFirst();
    }

    private static boolean up(NetworkInterface networkInterface) {
        try {
            return networkInterface.isUp() && !networkInterface.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
