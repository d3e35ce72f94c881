package dev.accord.workflows.codec;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import com.google.protobuf.ByteString;
import io.temporal.api.common.v1.Payload;
import io.temporal.payload.codec.PayloadCodec;
import io.temporal.payload.codec.PayloadCodecException;
import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;

/**
 * The default protection ({@code accord.payloads.encryption=field}): payloads stay Temporal's standard
 * {@code json/plain}, readable by the Temporal UI, the {@code temporal} CLI and any SDK without a codec, while every
 * PII value inside them ({@link PiiJson}) is replaced by a sealed string ({@link FieldCipher}). Decoding opens sealed
 * values wherever they are, and still reads whole-payload encrypted ({@code binary/encrypted}) payloads of older
 * histories and in-flight workflows when their key is in the keyring.
 *
 * <p>Keys are asked for only when a value is sealed or opened: a client that never meets PII needs none.
 */
public final class FieldEncryptingPayloadCodec implements PayloadCodec {

    private static final ByteString JSON_PLAIN = ByteString.copyFromUtf8("json/plain");
    private static final String SEALED_MARKER = "\"" + FieldCipher.PREFIX;

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();
    private final PiiNames names;
    private final FieldCipher cipher;
    private final PiiJson pii;
    private final EncryptingPayloadCodec legacy;

    public FieldEncryptingPayloadCodec(PiiNames names, Supplier<PayloadKeyring> keys) {
        this.cipher = new FieldCipher(keys, mapper);
        this.pii = new PiiJson(names, cipher);
        this.legacy = new EncryptingPayloadCodec(keys);
        this.names = names;
    }

    /** {@code text} sealed as a value this codec opens wherever it meets it, also as a bare signal argument. */
    public String seal(String text) {
        return cipher.seal(TextNode.valueOf(text)).textValue();
    }

    @Override
    public List<Payload> encode(List<Payload> payloads) {
        return names.isEmpty() ? payloads : payloads.stream().map(this::seal).toList();
    }

    @Override
    public List<Payload> decode(List<Payload> payloads) {
        return payloads.stream().map(legacy::decrypt).map(this::open).toList();
    }

    private Payload seal(Payload payload) {
        if (!isJson(payload)) {
            return payload;
        }
        JsonNode tree = read(payload);
        return pii.seal(tree) ? withData(payload, tree) : payload;
    }

    private Payload open(Payload payload) {
        if (!isJson(payload) || !payload.getData().toStringUtf8().contains(SEALED_MARKER)) {
            return payload;
        }
        return withData(payload, pii.open(read(payload)));
    }

    private static boolean isJson(Payload payload) {
        return JSON_PLAIN.equals(payload.getMetadataOrDefault(EncryptingPayloadCodec.ENCODING_KEY, ByteString.EMPTY));
    }

    private JsonNode read(Payload payload) {
        try {
            return mapper.readTree(payload.getData().newInput());
        } catch (IOException e) {
            throw new PayloadCodecException("a json/plain payload that is not JSON: " + e.getClass().getSimpleName(), e);
        }
    }

    private Payload withData(Payload payload, JsonNode tree) {
        try {
            return payload.toBuilder().setData(ByteString.copyFrom(mapper.writeValueAsBytes(tree))).build();
        } catch (IOException e) {
            throw new PayloadCodecException(e);
        }
    }
}
