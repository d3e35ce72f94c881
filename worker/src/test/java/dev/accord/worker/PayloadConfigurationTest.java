package dev.accord.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accord.core.contract.Contract;
import dev.accord.workflows.codec.MissingPayloadKeyException;
import dev.accord.workflows.codec.PayloadProtection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

/** Where the worker's payload keys come from: never made up for a real Temporal server, made beside the store when embedded. */
class PayloadConfigurationTest {

    private final Contract contract = SyncHarness.contract("customers.contract.yaml", text -> text);

    @Test
    void aWorkerOnARealServerWithoutAKeyStopsSayingWhatToSet(@TempDir Path folder) {
        PayloadProperties payloads = new PayloadProperties("field", folder.resolve("payload.key"), null);

        assertThatThrownBy(() -> new PayloadConfiguration().payloadProtection(payloads, properties("temporal:7233"), contract, new MockEnvironment()))
                .isInstanceOf(MissingPayloadKeyException.class)
                .hasMessageContaining("ACCORD_PAYLOAD_KEYS").hasMessageContaining("ACCORD_PAYLOAD_KEY_FILE");
        assertThat(folder.resolve("payload.key")).doesNotExist();
    }

    @Test
    void aWorkerOnARealServerUsesTheConfiguredKeysAndTheContractsPiiFields(@TempDir Path folder) {
        MockEnvironment environment = new MockEnvironment().withProperty("ACCORD_PAYLOAD_KEYS",
                Base64.getEncoder().encodeToString(new byte[32]));

        PayloadProtection protection = new PayloadConfiguration().payloadProtection(
                new PayloadProperties(null, folder.resolve("payload.key"), null), properties("temporal:7233"), contract, environment);

        assertThat(protection.pii().names()).contains("email", "phone").doesNotContain("status", "plan");
        assertThat(protection.keys().get().keys()).hasSize(1);
    }

    @Test
    void theEmbeddedWorkerMakesItsKeyBesideItsStore(@TempDir Path folder) throws Exception {
        Path file = folder.resolve(".accord/payload.key");

        new PayloadConfiguration().payloadProtection(new PayloadProperties(null, file, null), properties(""), contract, new MockEnvironment());

        assertThat(Files.readString(file).trim()).hasSize(44);
    }

    private static AccordProperties properties(String temporalAddress) {
        return new AccordProperties(Path.of("contract.yaml"), "test", new AccordProperties.Temporal(temporalAddress, 7233),
                null, null);
    }
}
