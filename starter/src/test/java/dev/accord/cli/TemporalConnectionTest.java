package dev.accord.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The CLI's connection to Temporal, from the same standard variables (and options) as Temporal's own CLI. */
class TemporalConnectionTest {

    @TempDir
    Path folder;

    private static TemporalConnection parsed(String... arguments) {
        TemporalConnection connection = new TemporalConnection();
        new CommandLine(connection).parseArgs(arguments);
        return connection;
    }

    @Test
    void anApiKeyIsSentWithEveryCallOverTls() {
        WorkflowServiceStubsOptions options = parsed("--temporal", "acme.a1b2c.tmprl.cloud:7233", "--api-key", "secret").serviceOptions();

        assertThat(options.getTarget()).isEqualTo("acme.a1b2c.tmprl.cloud:7233");
        assertThat(options.getEnableHttps()).isTrue();
        assertThat(options.getGrpcMetadataProviders()).singleElement()
                .satisfies(provider -> assertThat(provider.getMetadata().toString()).contains("authorization=Bearer secret"));
    }

    @Test
    void withoutAKeyOrCertificateTheConnectionIsPlain() {
        WorkflowServiceStubsOptions options = parsed("--temporal", "127.0.0.1:7233").serviceOptions();

        assertThat(options.getEnableHttps()).isFalse();
        assertThat(options.getSslContext()).isNull();
        assertThat(options.getGrpcMetadataProviders()).isNullOrEmpty();
    }

    @Test
    void aClientCertificateAndKeyMakeAnMtlsConnection() throws Exception {
        Path certificate = folder.resolve("client.pem");
        Path key = folder.resolve("client.key");
        assumeThat(openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=accord-worker",
                "-keyout", key.toString(), "-out", certificate.toString())).as("openssl on this machine").isTrue();

        WorkflowServiceStubsOptions options = parsed("--temporal", "temporal.internal:7233", "--tls-cert-path", certificate.toString(),
                "--tls-key-path", key.toString()).serviceOptions();

        assertThat(options.getSslContext()).isNotNull();
        assertThat(options.getSslContext().isClient()).isTrue();
    }

    @Test
    void aCertificateWithoutItsKeyIsRefusedNamingWhatToSet() {
        Path certificate = folder.resolve("client.pem");

        assertThatThrownBy(() -> parsed("--tls-cert-path", certificate.toString()).serviceOptions())
                .hasMessageContaining("TEMPORAL_TLS_CLIENT_KEY_PATH").hasMessageContaining("only the certificate");
    }

    @Test
    void anUnreadableCertificateNamesTheFile() {
        Path missing = folder.resolve("missing.pem");

        assertThatThrownBy(() -> parsed("--tls-cert-path", missing.toString(), "--tls-key-path", missing.toString()).serviceOptions())
                .hasMessageContaining(missing.toString());
    }

    private static boolean openssl(String... arguments) throws Exception {
        try {
            String[] command = new String[arguments.length + 1];
            command[0] = "openssl";
            System.arraycopy(arguments, 0, command, 1, arguments.length);
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (java.io.IOException noOpenssl) {
            return false;
        }
    }
}
