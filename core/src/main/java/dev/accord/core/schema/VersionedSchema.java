package dev.accord.core.schema;

import com.fasterxml.jackson.databind.JsonNode;

/** One registered version of a domain's canonical schema. */
public record VersionedSchema(int version, JsonNode schema) {}
