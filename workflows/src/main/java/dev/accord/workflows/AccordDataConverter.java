package dev.accord.workflows;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.common.converter.JacksonJsonPayloadConverter;

/**
 * How Accord's workflow inputs, results and activity payloads are written to Temporal: JSON with exact
 * decimals (a money column never passes through a double) and tolerant of fields added later. Workers and
 * clients (the CLI) must use the same converter.
 */
public final class AccordDataConverter {

    private AccordDataConverter() {}

    public static DataConverter create() {
        ObjectMapper mapper = JacksonJsonPayloadConverter.newDefaultObjectMapper()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return DefaultDataConverter.newDefaultInstance().withPayloadConverterOverrides(new JacksonJsonPayloadConverter(mapper));
    }
}
