package dev.accord.worker;

import dev.accord.workflows.codec.PayloadEncryption;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the worker protects Temporal payloads ({@code accord.payloads.*}); the keys themselves come from
 * {@code ACCORD_PAYLOAD_KEYS}, {@code ACCORD_PAYLOAD_KEY_FILE} or {@code ACCORD_PAYLOAD_KEY} (docs/security.md).
 *
 * @param encryption {@code field} (default: readable JSON, PII values encrypted) or {@code payload} (everything)
 * @param embeddedKeyFile the key the embedded mode (no {@code TEMPORAL_ADDRESS}) makes and keeps beside its store
 * @param codec the codec server the Temporal UI calls ({@code /codec/encode}, {@code /codec/decode})
 */
@ConfigurationProperties("accord.payloads")
public record PayloadProperties(String encryption, Path embeddedKeyFile, Codec codec) {

    public PayloadProperties {
        embeddedKeyFile = embeddedKeyFile == null ? Path.of(".accord", "payload.key") : embeddedKeyFile;
        codec = codec == null ? new Codec(List.of(), false) : codec;
    }

    public PayloadEncryption mode() {
        return PayloadEncryption.parse(encryption);
    }

    /**
     * @param allowedOrigins origins of the Temporal UI allowed to call the codec server from a browser (CORS)
     * @param openWithoutPii answer callers without a steward's token too (the Temporal UI, which cannot send Accord's
     *     tokens), with every PII value still sealed; stewards' tokens still open everything
     */
    public record Codec(List<String> allowedOrigins, boolean openWithoutPii) {

        public Codec {
            allowedOrigins = allowedOrigins == null ? List.of() : allowedOrigins.stream().map(String::strip).filter(o -> !o.isEmpty()).toList();
        }
    }
}
