package dev.accord.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The transitive modes check every earlier version; the plain ones only the latest. */
class TransitiveModesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void backwardTransitiveCatchesARequiredFieldWhoseDefaultWasDroppedLater() throws Exception {
        JsonNode v1 = schema("\"id\": {\"type\": \"string\"}", "\"id\"");
        JsonNode v2 = schema("\"id\": {\"type\": \"string\"}, \"tier\": {\"type\": \"string\", \"default\": \"basic\"}", "\"id\", \"tier\"");
        JsonNode v3 = schema("\"id\": {\"type\": \"string\"}, \"tier\": {\"type\": \"string\"}", "\"id\", \"tier\"");
        List<VersionedSchema> history = List.of(new VersionedSchema(2, v2), new VersionedSchema(1, v1));

        assertThat(Compatibility.check(CompatibilityMode.BACKWARD, history, v3)).isEmpty();
        assertThat(Compatibility.check(CompatibilityMode.BACKWARD_TRANSITIVE, history, v3))
                .singleElement().satisfies(i -> {
                    assertThat(i.againstVersion()).isEqualTo(1);
                    assertThat(i.change().rule()).isEqualTo(ChangeRule.REQUIRED_ATTRIBUTE_ADDED);
                    assertThat(i.change().path()).isEqualTo("$.tier");
                });
        assertThat(Compatibility.check(CompatibilityMode.FULL, history, v3)).isEmpty();
        assertThat(Compatibility.check(CompatibilityMode.FULL_TRANSITIVE, history, v3))
                .extracting(Incompatibility::againstVersion).containsOnly(1);
    }

    @Test
    void forwardTransitiveCatchesAValueAddedUnderAnEarlierMode() throws Exception {
        JsonNode v1 = schema("\"id\": {\"type\": \"string\"}, \"s\": {\"enum\": [\"a\", \"b\"]}", "\"id\"");
        JsonNode v2 = schema("\"id\": {\"type\": \"string\"}, \"s\": {\"enum\": [\"a\", \"b\", \"c\"]}", "\"id\"");
        JsonNode v3 = schema("\"id\": {\"type\": \"string\", \"maxLength\": 9}, \"s\": {\"enum\": [\"a\", \"b\", \"c\"]}", "\"id\"");
        List<VersionedSchema> history = List.of(new VersionedSchema(1, v1), new VersionedSchema(2, v2));

        assertThat(Compatibility.check(CompatibilityMode.FORWARD, history, v3)).isEmpty();
        assertThat(Compatibility.check(CompatibilityMode.FORWARD_TRANSITIVE, history, v3))
                .singleElement().satisfies(i -> {
                    assertThat(i.againstVersion()).isEqualTo(1);
                    assertThat(i.direction()).isEqualTo("FORWARD");
                    assertThat(i.change().rule()).isEqualTo(ChangeRule.ENUM_ARRAY_EXTENDED);
                    assertThat(i.change().path()).isEqualTo("$.s");
                });
    }

    @Test
    void theFirstVersionIsAlwaysCompatibleAndNoneChecksNothing() throws Exception {
        JsonNode v1 = schema("\"id\": {\"type\": \"string\"}", "\"id\"");
        JsonNode broken = schema("\"id\": {\"type\": \"integer\"}", "\"id\"");

        assertThat(Compatibility.check(CompatibilityMode.FULL_TRANSITIVE, List.of(), broken)).isEmpty();
        assertThat(Compatibility.check(CompatibilityMode.NONE, List.of(new VersionedSchema(1, v1)), broken)).isEmpty();
        assertThat(Compatibility.check(CompatibilityMode.BACKWARD, List.of(new VersionedSchema(1, v1)), broken))
                .extracting(i -> i.change().rule()).containsExactly(ChangeRule.TYPE_CHANGED);
    }

    @Test
    void nestedPropertiesAndArrayItemsAreComparedWithTheirPaths() throws Exception {
        JsonNode before = JSON.readTree("""
                {"type": "object", "properties": {"address": {"type": "object", "additionalProperties": false,
                  "properties": {"zip": {"type": "string", "maxLength": 10}}},
                  "tags": {"type": "array", "items": {"type": "string"}}}}""");
        JsonNode after = JSON.readTree("""
                {"type": "object", "properties": {"address": {"type": "object", "additionalProperties": false,
                  "properties": {"zip": {"type": "string", "maxLength": 5}}},
                  "tags": {"type": "array", "items": {"type": "integer"}}}}""");

        assertThat(SchemaDiff.between(before, after)).extracting(SchemaChange::path, SchemaChange::rule).containsExactly(
                org.assertj.core.groups.Tuple.tuple("$.address.zip", ChangeRule.MAX_LENGTH_DECREASED),
                org.assertj.core.groups.Tuple.tuple("$.tags[*]", ChangeRule.TYPE_CHANGED));
    }

    @Test
    void modesParseAsWrittenInContracts() {
        assertThat(CompatibilityMode.parse("full-transitive")).contains(CompatibilityMode.FULL_TRANSITIVE);
        assertThat(CompatibilityMode.parse("BACKWARD")).contains(CompatibilityMode.BACKWARD);
        assertThat(CompatibilityMode.parse("sideways")).isEmpty();
    }

    private static JsonNode schema(String properties, String required) throws Exception {
        return JSON.readTree("{\"type\": \"object\", \"additionalProperties\": false, \"required\": [" + required
                + "], \"properties\": {" + properties + "}}");
    }
}
