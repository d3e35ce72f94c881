package dev.accord.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the validator compiles is a valid schema; everything else is refused with the place it goes wrong. */
class SchemaCompilerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            draft-07 array items without $schema (2020-12) | {"type": "array", "items": [{"type": "string"}]}                | /items
            a relative $id                                  | {"$id": "customer", "type": "object"}                            | /$id
            a misspelt type                                 | {"type": "object", "properties": {"n": {"type": "strin"}}}     | /properties/n/type
            a length that is not a number                   | {"properties": {"n": {"minLength": "x"}}}                         | /properties/n/minLength
            a pattern Java cannot read                      | {"properties": {"n": {"pattern": "["}}}                           | /properties/n/pattern
            a local $ref to nothing                         | {"properties": {"n": {"$ref": "#/$defs/missing"}}}                | /properties/n/$ref
            """)
    void refusesWhatTheValidatorCannotUse(String name, String schema, String pointer) throws Exception {
        assertThatThrownBy(() -> SchemaCompiler.compile(JSON.readTree(schema)))
                .isInstanceOfSatisfying(SchemaCompiler.InvalidSchemaException.class, e -> assertThat(e.pointer()).isEqualTo(pointer));
    }

    @Test
    void readsTheDraftFrom$schemaAnd2020_12Otherwise() throws Exception {
        JsonNode draft7 = JSON.readTree("{\"$schema\": \"http://json-schema.org/draft-07/schema#\", \"items\": [{\"type\": \"string\"}]}");
        JsonNode plain = JSON.readTree("{\"prefixItems\": [{\"type\": \"string\"}]}");

        assertThat(SchemaCompiler.compile(draft7).validate(JSON.readTree("[1]"))).hasSize(1);
        assertThat(SchemaCompiler.compile(plain).validate(JSON.readTree("[1]"))).hasSize(1);
        assertThat(SchemaCompiler.draft(plain)).isEqualTo(SchemaCompiler.DEFAULT_DRAFT);
    }
}
