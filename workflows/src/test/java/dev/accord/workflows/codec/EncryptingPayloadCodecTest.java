package dev.accord.workflows.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.temporal.api.common.v1.Payload;
import java.util.List;
import org.junit.jupiter.api.Test;

class EncryptingPayloadCodecTest {

    private final PayloadKey a = PayloadKey.of(new byte[32]);
    private final PayloadKey b = key(1);

    @Test
    void roundTripsAPayloadAndHidesItsContent() {
        Payload plain = json("{\"email\":\"ada@example.com\"}");
        EncryptingPayloadCodec codec = new EncryptingPayloadCodec(PayloadKeyring.of(a));

        Payload sealed = codec.encode(List.of(plain)).get(0);

        assertThat(sealed.getData().toStringUtf8()).doesNotContain("ada@example.com");
        assertThat(sealed.getMetadataOrThrow("encoding").toStringUtf8()).isEqualTo("binary/encrypted");
        assertThat(codec.decode(List.of(sealed))).containsExactly(plain);
    }

    @Test
    void plainPayloadsFromTheTemporalUiPassThrough() {
        Payload plain = json("{\"flow\":\"crm-customers\"}");

        assertThat(new EncryptingPayloadCodec(PayloadKeyring.of(a)).decode(List.of(plain))).containsExactly(plain);
    }

    @Test
    void aPayloadSealedUnderTheOldKeyReadsAfterRotationWhileTheOldKeyIsKept() {
        Payload plain = json("{\"email\":\"ada@example.com\"}");
        Payload underA = new EncryptingPayloadCodec(PayloadKeyring.of(a)).encode(List.of(plain)).get(0);
        EncryptingPayloadCodec rotated = new EncryptingPayloadCodec(PayloadKeyring.of(b, a));

        assertThat(rotated.decode(List.of(underA))).containsExactly(plain);
        assertThat(rotated.encode(List.of(plain)).get(0).getMetadataOrThrow("encryption-key-id").toStringUtf8()).isEqualTo(b.id());
    }

    @Test
    void aPayloadSealedWithAnUnknownKeyIsReportedWithWhatToSet() {
        Payload sealed = new EncryptingPayloadCodec(PayloadKeyring.of(b)).encode(List.of(Payload.getDefaultInstance())).get(0);

        assertThatThrownBy(() -> new EncryptingPayloadCodec(PayloadKeyring.of(a)).decode(List.of(sealed)))
                .isInstanceOf(MissingPayloadKeyException.class)
                .hasMessageContaining(b.id()).hasMessageContaining("ACCORD_PAYLOAD_KEYS");
    }

    static PayloadKey key(int first) {
        byte[] bytes = new byte[32];
        bytes[0] = (byte) first;
        return PayloadKey.of(bytes);
    }

    static Payload json(String json) {
        return Payload.newBuilder().putMetadata("encoding", ByteString.copyFromUtf8("json/plain")).setData(ByteString.copyFromUtf8(json)).build();
    }
}
