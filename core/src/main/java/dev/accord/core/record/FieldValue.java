package dev.accord.core.record;

import com.fasterxml.jackson.databind.JsonNode;

/** A canonical value with the version that put it there. The value is a JSON null when the field was cleared. */
public record FieldValue(JsonNode value, FieldVersion version) {}
