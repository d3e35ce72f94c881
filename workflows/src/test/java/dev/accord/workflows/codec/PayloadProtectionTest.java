package dev.accord.workflows.codec;

import static dev.accord.workflows.codec.EncryptingPayloadCodecTest.json;
import static dev.accord.workflows.codec.EncryptingPayloadCodecTest.key;
import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.CodecDataConverter;
import io.temporal.payload.codec.ChainCodec;
import java.util.List;
import org.junit.jupiter.api.Test;

class PayloadProtectionTest {

    private final PayloadKeyring keys = PayloadKeyring.of(key(3));
    private final Payload plain = json("{\"key\":\"C1\",\"email\":\"ada@example.com\"}");

    @Test
    void wholePayloadModeHidesEverythingAndItsOuterLayerAloneStillHidesThePii() {
        PayloadProtection whole = new PayloadProtection(PayloadEncryption.PAYLOAD, PiiNames.of("email"), () -> keys);

        Payload sealed = new ChainCodec(whole.codecs()).encode(List.of(plain)).get(0);

        assertThat(sealed.getMetadataOrThrow("encoding").toStringUtf8()).isEqualTo("binary/encrypted");
        assertThat(whole.codec().decode(List.of(sealed))).containsExactly(plain);
        String forTheUi = whole.codecWithoutPii().decode(List.of(sealed)).get(0).getData().toStringUtf8();
        assertThat(forTheUi).contains("\"key\":\"C1\"").contains("pii:v1:").doesNotContain("ada@example.com");
    }

    @Test
    void fieldModeKeepsJsonPlain() {
        PayloadProtection field = PayloadProtection.field(PiiNames.of("email"), keys);

        Payload sealed = field.codec().encode(List.of(plain)).get(0);

        assertThat(sealed.getMetadataOrThrow("encoding").toStringUtf8()).isEqualTo("json/plain");
        assertThat(field.codec().decode(List.of(sealed))).containsExactly(plain);
    }

    @Test
    void aCodecServerCallerWithoutPiiAccessGetsOldWholePayloadsWithThePiiSealed() {
        Payload old = new EncryptingPayloadCodec(keys).encode(List.of(plain)).get(0);

        String forTheUi = PayloadProtection.field(PiiNames.of("email"), keys).codecWithoutPii().decode(List.of(old)).get(0)
                .getData().toStringUtf8();

        assertThat(forTheUi).contains("\"key\":\"C1\"").doesNotContain("ada@example.com");
    }

    @Test
    void theConverterOrderMatchesTheChain() {
        PayloadProtection whole = new PayloadProtection(PayloadEncryption.PAYLOAD, PiiNames.of("email"), () -> keys);
        CodecDataConverter converter = new CodecDataConverter(dev.accord.workflows.AccordDataConverter.json(), whole.codecs());

        Payload written = converter.toPayload(java.util.Map.of("email", "ada@example.com")).orElseThrow();

        assertThat(whole.codecWithoutPii().decode(List.of(written)).get(0).getData().toStringUtf8()).contains("pii:v1:");
    }
}
