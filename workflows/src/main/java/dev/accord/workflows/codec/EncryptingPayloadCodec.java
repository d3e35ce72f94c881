package dev.accord.workflows.codec;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.temporal.api.common.v1.Payload;
import io.temporal.payload.codec.PayloadCodec;
import io.temporal.payload.codec.PayloadCodecException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.function.Supplier;

/**
 * Whole-payload encryption ({@code accord.payloads.encryption=payload}, and every payload Accord wrote before field
 * encryption): each payload sealed with AES-256-GCM under the current key, encoding {@code binary/encrypted}, key id
 * in the metadata. Nothing of it is readable without the codec server. Decoding accepts any key of the keyring and
 * lets every other payload (plain JSON from the Temporal UI or CLI) pass through.
 */
public final class EncryptingPayloadCodec implements PayloadCodec {

    static final ByteString ENCODING = ByteString.copyFromUtf8("binary/encrypted");
    static final String ENCODING_KEY = "encoding";
    private static final String KEY_ID = "encryption-key-id";

    private final Supplier<PayloadKeyring> keys;

    public EncryptingPayloadCodec(Supplier<PayloadKeyring> keys) {
        this.keys = keys;
    }

    public EncryptingPayloadCodec(PayloadKeyring keys) {
        this(() -> keys);
    }

    @Override
    public List<Payload> encode(List<Payload> payloads) {
        return payloads.stream().map(this::encrypt).toList();
    }

    @Override
    public List<Payload> decode(List<Payload> payloads) {
        return payloads.stream().map(EncryptingPayloadCodec::isEncrypted).anyMatch(Boolean::booleanValue)
                ? payloads.stream().map(this::decrypt).toList() : payloads;
    }

    static boolean isEncrypted(Payload payload) {
        return ENCODING.equals(payload.getMetadataOrDefault(ENCODING_KEY, ByteString.EMPTY));
    }

    private Payload encrypt(Payload payload) {
        PayloadKey key = keys.get().current();
        try {
            return Payload.newBuilder()
                    .putMetadata(ENCODING_KEY, ENCODING)
                    .putMetadata(KEY_ID, ByteString.copyFromUtf8(key.id()))
                    .setData(ByteString.copyFrom(Aes.seal(key, payload.toByteArray())))
                    .build();
        } catch (GeneralSecurityException e) {
            throw new PayloadCodecException(e);
        }
    }

    Payload decrypt(Payload payload) {
        if (!isEncrypted(payload)) {
            return payload;
        }
        String id = payload.getMetadataOrDefault(KEY_ID, ByteString.EMPTY).toString(StandardCharsets.UTF_8);
        try {
            return Payload.parseFrom(Aes.open(keys.get().require(id), payload.getData().toByteArray()));
        } catch (GeneralSecurityException | InvalidProtocolBufferException e) {
            throw new PayloadCodecException("payload encrypted with key " + id + " does not decrypt: " + e.getClass().getSimpleName(), e);
        }
    }
}
