package dev.accord.workflows;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accord.workflows.codec.PayloadProtection;
import io.temporal.common.converter.CodecDataConverter;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.common.converter.JacksonJsonPayloadConverter;

/**
 * How Accord's workflow inputs, results, signals, queries and activity payloads are written to Temporal: Temporal's
 * standard {@code json/plain} with exact decimals (a money column never passes through a double), tolerant of fields
 * added later, so the Temporal UI, the {@code temporal} CLI and any SDK read them; PII values inside are encrypted
 * (or, as an option, whole payloads: {@link PayloadProtection}). Workers and clients of a deployment share the keys.
 */
public final class AccordDataConverter {

    private AccordDataConverter() {}

    public static DataConverter create(PayloadProtection protection) {
        return new CodecDataConverter(json(), protection.codecs());
    }

    /** Plain JSON, nothing encrypted (tests of workflow logic). */
    public static DataConverter json() {
        ObjectMapper mapper = JacksonJsonPayloadConverter.newDefaultObjectMapper()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return DefaultDataConverter.newDefaultInstance().withPayloadConverterOverrides(new JacksonJsonPayloadConverter(mapper));
    }
}
