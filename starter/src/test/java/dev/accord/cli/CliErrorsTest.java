package dev.accord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.workflows.AccordDataConverter;
import dev.accord.workflows.codec.PayloadEncryption;
import dev.accord.workflows.codec.PayloadKeys;
import dev.accord.workflows.codec.PayloadProtection;
import dev.accord.workflows.codec.PiiNames;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliErrorsTest {

    @Test
    void aCliWithoutAKeyThatNeedsOneSaysWhatToSet(@TempDir Path folder) {
        PayloadProtection noKeys = new PayloadProtection(PayloadEncryption.PAYLOAD, PiiNames.none(),
                () -> PayloadKeys.required(Map.<String, String>of()::get, folder.resolve(".accord/payload.key")));

        Exception failure = null;
        try {
            AccordDataConverter.create(noKeys).toPayload(Map.of("flow", "crm-customers"));
        } catch (Exception e) {
            failure = e;
        }

        assertThat(failure).isNotNull();
        assertThat(CliErrors.message(failure)).startsWith("PAYLOAD_KEY_MISSING: no payload key: set ACCORD_PAYLOAD_KEYS")
                .contains("ACCORD_PAYLOAD_KEY_FILE");
        assertThat(folder.resolve(".accord/payload.key")).doesNotExist();
    }
}
