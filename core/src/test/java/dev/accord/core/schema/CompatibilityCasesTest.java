package dev.accord.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Old/new pairs written from the JSON Schema specification for the cases issue 21 names: the breaking changes the
 * old checker let through, and the safe ones it refused. Each gives the expected BACKWARD and FORWARD verdict.
 */
class CompatibilityCasesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DRAFT7 = "\"$schema\": \"http://json-schema.org/draft-07/schema#\", ";

    static Stream<Arguments> cases() {
        return Stream.of(
                // too lenient before
                of("additionalProperties schema retyped", "{\"additionalProperties\": {\"type\": \"string\"}}",
                        "{\"additionalProperties\": {\"type\": \"number\"}}", false, false),
                of("closed model drops a field and opens additionalProperties to another type",
                        "{\"type\": \"object\", \"additionalProperties\": false, \"properties\": {\"a\": {\"type\": \"string\"}}}",
                        "{\"type\": \"object\", \"additionalProperties\": {\"type\": \"number\"}}", false, false),
                of("draft-07 array items retyped", "{" + DRAFT7 + "\"items\": [{\"type\": \"string\"}]}",
                        "{" + DRAFT7 + "\"items\": [{\"type\": \"number\"}]}", false, false),
                of("draft-07 additionalItems narrowed", "{" + DRAFT7 + "\"items\": [{\"type\": \"string\"}], \"additionalItems\": {\"type\": \"string\"}}",
                        "{" + DRAFT7 + "\"items\": [{\"type\": \"string\"}], \"additionalItems\": false}", false, true),
                of("items true → false", "{\"type\": \"array\", \"items\": true}", "{\"type\": \"array\", \"items\": false}", false, true),
                of("a whole schema true → false", "true", "false", false, true),
                // too strict before
                of("allOf reordered and repeated", "{\"allOf\": [{\"type\": \"string\"}, {\"maxLength\": 5}]}",
                        "{\"allOf\": [{\"maxLength\": 5}, {\"type\": \"string\"}, {\"maxLength\": 5}]}", true, true),
                of("oneOf extended with an exclusive member", "{\"oneOf\": [{\"type\": \"string\"}, {\"type\": \"integer\"}]}",
                        "{\"oneOf\": [{\"type\": \"string\"}, {\"type\": \"integer\"}, {\"type\": \"null\"}]}", true, false),
                of("anyOf member widened", "{\"anyOf\": [{\"type\": \"string\", \"maxLength\": 3}, {\"type\": \"integer\"}]}",
                        "{\"anyOf\": [{\"type\": \"string\", \"maxLength\": 9}, {\"type\": \"integer\"}]}", true, false),
                of("not narrowed", "{\"not\": {\"type\": [\"string\", \"null\"]}}", "{\"not\": {\"type\": \"null\"}}", true, false),
                of("prefixItems position widened", "{\"prefixItems\": [{\"type\": \"integer\"}], \"items\": false}",
                        "{\"prefixItems\": [{\"type\": \"number\"}], \"items\": false}", true, false),
                of("minContains lowered", "{\"contains\": {\"type\": \"string\"}, \"minContains\": 2}",
                        "{\"contains\": {\"type\": \"string\"}, \"minContains\": 1}", true, false),
                of("dependentSchemas relaxed", "{\"dependentSchemas\": {\"a\": {\"required\": [\"b\", \"c\"]}}}",
                        "{\"dependentSchemas\": {\"a\": {\"required\": [\"b\"]}}}", true, false),
                of("property added that additionalProperties already allowed", "{\"type\": \"object\", \"additionalProperties\": {\"type\": \"string\"}}",
                        "{\"type\": \"object\", \"additionalProperties\": {\"type\": \"string\"}, \"properties\": {\"a\": {\"type\": \"string\"}}}", true, true),
                of("$ref to identical content", "{\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"string\", \"maxLength\": 5}}}",
                        "{\"type\": \"object\", \"properties\": {\"a\": {\"$ref\": \"#/$defs/short\"}}, \"$defs\": {\"short\": {\"type\": \"string\", \"maxLength\": 5}}}",
                        true, true),
                of("recursive $ref unchanged", "{\"$defs\": {\"node\": {\"type\": \"object\", \"properties\": {\"next\": {\"$ref\": \"#/$defs/node\"}}}}, \"$ref\": \"#/$defs/node\"}",
                        "{\"$defs\": {\"node\": {\"type\": \"object\", \"properties\": {\"next\": {\"$ref\": \"#/$defs/node\"}}}}, \"$ref\": \"#/$defs/node\", \"description\": \"a list\"}",
                        true, true),
                of("definitions in draft-07", "{" + DRAFT7 + "\"properties\": {\"a\": {\"$ref\": \"#/definitions/x\"}}, \"definitions\": {\"x\": {\"type\": \"integer\"}}}",
                        "{" + DRAFT7 + "\"properties\": {\"a\": {\"$ref\": \"#/definitions/x\"}}, \"definitions\": {\"x\": {\"type\": \"number\"}}}", true, false),
                of("integer → number", "{\"type\": \"integer\"}", "{\"type\": \"number\"}", true, false),
                of("enum of strings typed", "{\"enum\": [\"a\", \"b\"]}", "{\"type\": \"string\", \"enum\": [\"a\", \"b\"]}", true, true),
                of("const → enum with it", "{\"const\": \"a\"}", "{\"enum\": [\"a\", \"b\"]}", true, false),
                of("maximum raised", "{\"type\": \"number\", \"maximum\": 5}", "{\"type\": \"number\", \"maximum\": 7}", true, false),
                of("string keyword on a number schema", "{\"type\": \"integer\"}", "{\"type\": \"integer\", \"maxLength\": 3}", true, true),
                of("then widened under the same if", "{\"if\": {\"required\": [\"a\"]}, \"then\": {\"required\": [\"b\", \"c\"]}}",
                        "{\"if\": {\"required\": [\"a\"]}, \"then\": {\"required\": [\"b\"]}}", true, false),
                // the divergence from the registry: Accord is stricter, and right
                of("a required name no property declares", "{\"type\": \"object\"}", "{\"type\": \"object\", \"required\": [\"x\"]}", false, true),
                // draft-07 reads $ref siblings as nothing
                of("draft-07 sibling of $ref changed", "{" + DRAFT7 + "\"definitions\": {\"x\": {\"type\": \"string\"}}, \"$ref\": \"#/definitions/x\", \"maxLength\": 3}",
                        "{" + DRAFT7 + "\"definitions\": {\"x\": {\"type\": \"string\"}}, \"$ref\": \"#/definitions/x\", \"maxLength\": 1}", true, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void verdictPerDirection(String name, String before, String after, boolean backward, boolean forward) throws Exception {
        JsonNode old = JSON.readTree(before);
        JsonNode now = JSON.readTree(after);

        assertThat(SchemaDiff.backwardCompatible(old, now)).as("BACKWARD: " + SchemaDiff.between(old, now)).isEqualTo(backward);
        assertThat(SchemaDiff.forwardCompatible(old, now)).as("FORWARD: " + SchemaDiff.between(old, now)).isEqualTo(forward);
    }

    private static Arguments of(String name, String before, String after, boolean backward, boolean forward) {
        return Arguments.of(name, before, after, backward, forward);
    }
}
