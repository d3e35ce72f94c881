package dev.accord.workflows.codec;

import static dev.accord.workflows.codec.EncryptingPayloadCodecTest.json;
import static dev.accord.workflows.codec.EncryptingPayloadCodecTest.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.api.common.v1.Payload;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldEncryptingPayloadCodecTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final PayloadKey a = key(0);
    private final PayloadKey b = key(1);
    private final PiiNames pii = PiiNames.of("email", "contact_email", "credit_limit");

    @Test
    void sealsPiiValuesByNameAndLeavesEverythingElseReadable() throws Exception {
        Payload plain = json("{\"key\":\"C1\",\"columns\":{\"id\":\"C1\",\"contact_email\":\"ada@example.com\",\"plan\":\"gold\"},"
                + "\"fields\":{\"email\":\"ada@example.com\",\"credit_limit\":1250.50,\"name\":\"Ada\"},\"cleared\":{\"email\":null}}");

        Payload sealed = codec(PayloadKeyring.of(a)).encode(List.of(plain)).get(0);

        JsonNode tree = MAPPER.readTree(sealed.getData().toStringUtf8());
        assertThat(sealed.getMetadataOrThrow("encoding").toStringUtf8()).isEqualTo("json/plain");
        assertThat(sealed.getData().toStringUtf8()).doesNotContain("ada@example.com").doesNotContain("1250.50");
        assertThat(tree.at("/columns/contact_email").asText()).startsWith("pii:v1:" + a.id() + ":");
        assertThat(tree.at("/fields/credit_limit").asText()).startsWith("pii:v1:");
        assertThat(tree.at("/key").asText()).isEqualTo("C1");
        assertThat(tree.at("/columns/plan").asText()).isEqualTo("gold");
        assertThat(tree.at("/fields/name").asText()).isEqualTo("Ada");
        assertThat(tree.at("/cleared/email").isNull()).as("an empty value stays visibly empty").isTrue();
    }

    @Test
    void decodingGivesBackTheSameJsonNumbersAsNumbers() throws Exception {
        Payload plain = json("{\"fields\":{\"email\":\"ada@example.com\",\"credit_limit\":1250.50}}");
        FieldEncryptingPayloadCodec codec = codec(PayloadKeyring.of(a));

        Payload back = codec.decode(codec.encode(List.of(plain))).get(0);

        JsonNode tree = MAPPER.readTree(back.getData().toStringUtf8());
        assertThat(tree.at("/fields/credit_limit").isNumber()).isTrue();
        assertThat(back.getData().toStringUtf8()).contains("1250.50").contains("\"ada@example.com\"");
    }

    @Test
    void sealsTheValuesOfGenericShapesThatNameAPiiField() throws Exception {
        Payload plain = json("[{\"field\":\"email\",\"before\":\"old@example.com\",\"after\":\"new@example.com\",\"decision\":\"applied\"},"
                + "{\"reviewId\":\"customer/C1/email\",\"action\":\"edit\",\"value\":\"fix@example.com\"},"
                + "{\"field\":\"plan\",\"before\":\"gold\",\"after\":\"silver\"}]");

        String sealed = codec(PayloadKeyring.of(a)).encode(List.of(plain)).get(0).getData().toStringUtf8();

        assertThat(sealed).doesNotContain("@example.com").contains("\"decision\":\"applied\"").contains("\"reviewId\":\"customer/C1/email\"")
                .contains("\"before\":\"gold\"");
    }

    @Test
    void aSourceValueThatOnlyLooksSealedComesBackAsItWas() {
        Payload plain = json("{\"columns\":{\"note\":\"pii:v1:deadbeef:AAAA\",\"tags\":[\"pii:v1:x\",\"ok\"]}}");
        FieldEncryptingPayloadCodec codec = codec(PayloadKeyring.of(a));

        assertThat(codec.decode(codec.encode(List.of(plain)))).containsExactly(plain);
    }

    @Test
    void valuesSealedUnderKeyAReadAfterMovingToKeyBWithAKept() {
        Payload plain = json("{\"email\":\"ada@example.com\"}");
        Payload underA = codec(PayloadKeyring.of(a)).encode(List.of(plain)).get(0);

        FieldEncryptingPayloadCodec rotated = codec(PayloadKeyring.of(b, a));

        assertThat(rotated.decode(List.of(underA)).get(0).getData().toStringUtf8()).isEqualTo("{\"email\":\"ada@example.com\"}");
        assertThat(rotated.encode(List.of(plain)).get(0).getData().toStringUtf8()).contains("pii:v1:" + b.id() + ":");
        assertThatThrownBy(() -> codec(PayloadKeyring.of(b)).decode(List.of(underA)))
                .as("once A is dropped, its values say which key is missing").isInstanceOf(MissingPayloadKeyException.class)
                .hasMessageContaining(a.id()).hasMessageContaining("ACCORD_PAYLOAD_KEYS");
    }

    @Test
    void stillReadsWholePayloadsEncryptedByTheOldCodec() {
        Payload plain = json("{\"email\":\"ada@example.com\"}");
        Payload old = new EncryptingPayloadCodec(PayloadKeyring.of(a)).encode(List.of(plain)).get(0);

        assertThat(codec(PayloadKeyring.of(b, a)).decode(List.of(old))).containsExactly(plain);
    }

    @Test
    void aClientThatMeetsNoPiiNeedsNoKey() {
        Payload plain = json("{\"flow\":\"crm-customers\",\"state\":\"paused\"}");
        FieldEncryptingPayloadCodec keyless = new FieldEncryptingPayloadCodec(pii, () -> {
            throw new MissingPayloadKeyException("no key");
        });

        assertThat(keyless.decode(keyless.encode(List.of(plain)))).containsExactly(plain);
    }

    private FieldEncryptingPayloadCodec codec(PayloadKeyring keys) {
        return new FieldEncryptingPayloadCodec(pii, () -> keys);
    }
}
