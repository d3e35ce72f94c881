package dev.accord.workflows.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import io.temporal.payload.codec.PayloadCodecException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * Encrypts one JSON value into a JSON string {@code "pii:v1:<keyId>:<base64(iv | AES-256-GCM of the value's JSON)>"}
 * and back to the very same JSON value (a number stays a number, an object an object). The key id selects the key
 * on decryption, so values written under an older key read as long as the keyring keeps it.
 */
final class FieldCipher {

    static final String PREFIX = "pii:v1:";

    private final Supplier<PayloadKeyring> keys;
    private final ObjectMapper mapper;

    FieldCipher(Supplier<PayloadKeyring> keys, ObjectMapper mapper) {
        this.keys = keys;
        this.mapper = mapper;
    }

    static boolean isSealed(JsonNode node) {
        return node.isTextual() && node.textValue().startsWith(PREFIX);
    }

    TextNode seal(JsonNode value) {
        PayloadKey key = keys.get().current();
        try {
            byte[] sealed = Aes.seal(key, mapper.writeValueAsBytes(value));
            return TextNode.valueOf(PREFIX + key.id() + ":" + Base64.getEncoder().encodeToString(sealed));
        } catch (GeneralSecurityException | JsonProcessingException e) {
            throw new PayloadCodecException("cannot encrypt a PII value with key " + key.id() + ": " + e.getClass().getSimpleName(), e);
        }
    }

    JsonNode open(String sealed) {
        int colon = sealed.indexOf(':', PREFIX.length());
        if (colon < 0) {
            throw new PayloadCodecException("an encrypted PII value without a key id");
        }
        String id = sealed.substring(PREFIX.length(), colon);
        PayloadKey key = keys.get().require(id);
        try {
            byte[] plain = Aes.open(key, Base64.getDecoder().decode(sealed.substring(colon + 1)));
            return mapper.readTree(new String(plain, StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException | JsonProcessingException e) {
            throw new PayloadCodecException("a PII value encrypted with key " + id + " does not decrypt: " + e.getClass().getSimpleName(), e);
        }
    }
}
