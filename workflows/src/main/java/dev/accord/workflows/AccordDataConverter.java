package dev.accord.workflows;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accord.workflows.codec.EncryptingPayloadCodec;
import dev.accord.workflows.codec.PayloadKey;
import io.temporal.common.converter.CodecDataConverter;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.common.converter.JacksonJsonPayloadConverter;
import java.util.List;

/**
 * How Accord's workflow inputs, results and activity payloads are written to Temporal: JSON with exact
 * decimals (a money column never passes through a double), tolerant of fields added later, and encrypted
 * (AES-256-GCM) so record values never sit in plain text in histories. Workers and clients (the CLI) must
 * use the same converter and key.
 */
public final class AccordDataConverter {

    private AccordDataConverter() {}

    /** JSON encrypted with the configured payload key (ACCORD_PAYLOAD_KEY, or .accord/payload.key). */
    public static DataConverter create() {
        return create(PayloadKey.configured());
    }

    public static DataConverter create(PayloadKey key) {
        return new CodecDataConverter(json(), List.of(new EncryptingPayloadCodec(key)));
    }

    /** Plain JSON, without encryption (tests of workflow logic). */
    public static DataConverter json() {
        ObjectMapper mapper = JacksonJsonPayloadConverter.newDefaultObjectMapper()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return DefaultDataConverter.newDefaultInstance().withPayloadConverterOverrides(new JacksonJsonPayloadConverter(mapper));
    }
}
