package dev.accord.core.contract;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A domain's canonical JSON Schema.
 *
 * @param file the schema file as written in the contract, relative to the contract
 * @param version the schema version this contract was written against
 * @param schema the parsed schema document
 */
public record SchemaRef(String file, int version, JsonNode schema) {}
