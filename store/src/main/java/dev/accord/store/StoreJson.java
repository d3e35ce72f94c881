package dev.accord.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** JSON as the store writes it: ISO-8601 times, exact decimals, keys in a stable order. */
public final class StoreJson {

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private StoreJson() {}

    public static String write(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot write JSON for the store", e);
        }
    }

    public static <T> T read(String json, Class<T> type) {
        if (json == null) {
            return null;
        }
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw unreadable(json, e);
        }
    }

    public static <T> T read(String json, TypeReference<T> type) {
        if (json == null) {
            return null;
        }
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw unreadable(json, e);
        }
    }

    public static JsonNode tree(String json) {
        return read(json, JsonNode.class);
    }

    /** Names where the JSON broke, not what it holds (it may hold personal data). */
    private static StoreException unreadable(String json, JsonProcessingException e) {
        long at = e.getLocation() == null ? -1 : e.getLocation().getCharOffset();
        return new StoreException("the store holds unreadable JSON (" + json.length() + " characters, broken at character " + at + ")");
    }
}
