package dev.accord.cli;

import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.temporal.serviceclient.SimpleSslContextBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The mTLS client certificate the CLI presents to Temporal: a PEM certificate chain and its PKCS#8 PEM key. */
final class ClientCertificate {

    private ClientCertificate() {}

    static SslContext sslContext(Path certificate, Path key) {
        if (certificate == null || key == null) {
            throw new IllegalArgumentException("mTLS needs both the client certificate and its key: set TEMPORAL_TLS_CLIENT_CERT_PATH and"
                    + " TEMPORAL_TLS_CLIENT_KEY_PATH (or --tls-cert-path and --tls-key-path); only " + (certificate == null ? "the key" : "the certificate")
                    + " is set");
        }
        try (InputStream chain = Files.newInputStream(certificate); InputStream privateKey = Files.newInputStream(key)) {
            return SimpleSslContextBuilder.forPKCS8(chain, privateKey).build();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the mTLS client certificate " + certificate + " or key " + key + ": " + e.getMessage()
                    + "; check TEMPORAL_TLS_CLIENT_CERT_PATH and TEMPORAL_TLS_CLIENT_KEY_PATH", e);
        }
    }
}
