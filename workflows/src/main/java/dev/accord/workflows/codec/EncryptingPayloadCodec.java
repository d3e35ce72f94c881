package dev.accord.workflows.codec;

import com.google.protobuf.ByteString;
import io.temporal.api.common.v1.Payload;
import io.temporal.payload.codec.PayloadCodec;
import io.temporal.payload.codec.PayloadCodecException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts every payload Accord sends to Temporal with AES-256-GCM, so record values (PII among them)
 * never sit in plain text in workflow histories. Payloads that are not encrypted (a workflow started by
 * type name from the Temporal UI or CLI with plain JSON) pass through on decode, so those still work.
 * Every worker and client shares one key ({@link PayloadKey}).
 */
public final class EncryptingPayloadCodec implements PayloadCodec {

    static final ByteString ENCODING = ByteString.copyFromUtf8("binary/encrypted");
    private static final String ENCODING_KEY = "encoding";
    private static final String KEY_ID = "encryption-key-id";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final ByteString keyId;
    private final SecureRandom random = new SecureRandom();

    public EncryptingPayloadCodec(PayloadKey key) {
        this.key = new SecretKeySpec(key.bytes(), "AES");
        this.keyId = ByteString.copyFromUtf8(key.id());
    }

    @Override
    public List<Payload> encode(List<Payload> payloads) {
        return payloads.stream().map(this::encrypt).toList();
    }

    @Override
    public List<Payload> decode(List<Payload> payloads) {
        return payloads.stream().map(this::decrypt).toList();
    }

    private Payload encrypt(Payload payload) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(payload.toByteArray());
            return Payload.newBuilder()
                    .putMetadata(ENCODING_KEY, ENCODING)
                    .putMetadata(KEY_ID, keyId)
                    .setData(ByteString.copyFrom(ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array()))
                    .build();
        } catch (GeneralSecurityException e) {
            throw new PayloadCodecException(e);
        }
    }

    private Payload decrypt(Payload payload) {
        if (!ENCODING.equals(payload.getMetadataOrDefault(ENCODING_KEY, ByteString.EMPTY))) {
            return payload;
        }
        ByteString id = payload.getMetadataOrDefault(KEY_ID, ByteString.EMPTY);
        if (!keyId.equals(id)) {
            throw new PayloadCodecException("payload was encrypted with key " + id.toString(StandardCharsets.UTF_8)
                    + ", this process has key " + keyId.toString(StandardCharsets.UTF_8)
                    + "; give every worker and client the same ACCORD_PAYLOAD_KEY");
        }
        try {
            byte[] data = payload.getData().toByteArray();
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, data, 0, IV_BYTES));
            return Payload.parseFrom(cipher.doFinal(data, IV_BYTES, data.length - IV_BYTES));
        } catch (GeneralSecurityException | com.google.protobuf.InvalidProtocolBufferException e) {
            throw new PayloadCodecException(e);
        }
    }
}
