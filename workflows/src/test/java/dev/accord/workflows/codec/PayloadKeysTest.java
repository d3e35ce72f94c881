package dev.accord.workflows.codec;

import static dev.accord.workflows.codec.EncryptingPayloadCodecTest.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PayloadKeysTest {

    private final PayloadKey a = key(0);
    private final PayloadKey b = key(1);

    @Test
    void severalKeysTheFirstEncrypts() {
        PayloadKeyring keys = PayloadKeys.fromEnvironment(Map.of("ACCORD_PAYLOAD_KEYS", base64(b) + ", " + base64(a))::get).orElseThrow();

        assertThat(keys.current().id()).isEqualTo(b.id());
        assertThat(keys.find(a.id())).isPresent();
    }

    @Test
    void aKeyFileWithOneKeyPerLine(@TempDir Path folder) throws Exception {
        Path file = Files.writeString(folder.resolve("keys"), "# current\n" + base64(b) + "\n\n" + base64(a) + "\n");

        PayloadKeyring keys = PayloadKeys.fromEnvironment(Map.of("ACCORD_PAYLOAD_KEY_FILE", file.toString())::get).orElseThrow();

        assertThat(keys.keys()).extracting(PayloadKey::id).containsExactly(b.id(), a.id());
    }

    @Test
    void theSingleKeyOfEarlierSetUpsStillWorks() {
        assertThat(PayloadKeys.fromEnvironment(Map.of("ACCORD_PAYLOAD_KEY", base64(a))::get).orElseThrow().current().id()).isEqualTo(a.id());
    }

    @Test
    void noKeyIsAClearErrorAndNoFileIsCreated(@TempDir Path folder) {
        Path file = folder.resolve(".accord/payload.key");

        assertThatThrownBy(() -> PayloadKeys.required(Map.<String, String>of()::get, file)).isInstanceOf(MissingPayloadKeyException.class)
                .hasMessageContaining("ACCORD_PAYLOAD_KEYS").hasMessageContaining("ACCORD_PAYLOAD_KEY_FILE");
        assertThatThrownBy(() -> PayloadKeys.configured(Map.<String, String>of()::get)).isInstanceOf(MissingPayloadKeyException.class)
                .hasMessageContaining("ACCORD_PAYLOAD_KEYS");
        assertThat(file).doesNotExist();
    }

    @Test
    void aKeyThatIsNotOneSaysWhereItCameFromNotWhatItIs() {
        assertThatThrownBy(() -> PayloadKeys.fromEnvironment(Map.of("ACCORD_PAYLOAD_KEYS", base64(a) + ",c2hvcnQ=")::get))
                .isInstanceOf(InvalidPayloadKeyException.class).hasMessageContaining("ACCORD_PAYLOAD_KEYS (key 2)")
                .hasMessageNotContaining(base64(a));
    }

    @Test
    void theEmbeddedKeyIsCreatedOnceOwnerOnlyAndThenReadByTheCli(@TempDir Path folder) throws Exception {
        Path file = folder.resolve(".accord/payload.key");

        PayloadKeyring first = PayloadKeys.embedded(Map.<String, String>of()::get, file);
        PayloadKeyring second = PayloadKeys.embedded(Map.<String, String>of()::get, file);
        PayloadKeyring cli = PayloadKeys.required(Map.<String, String>of()::get, file);

        assertThat(second.current().id()).isEqualTo(first.current().id());
        assertThat(cli.current().id()).isEqualTo(first.current().id());
        assertThat(Files.getPosixFilePermissions(file)).hasSize(2);
    }

    private static String base64(PayloadKey key) {
        return Base64.getEncoder().encodeToString(key.bytes());
    }
}
