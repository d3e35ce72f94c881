package dev.accord.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every change rule, as an (old, new) schema pair, judged under every compatibility mode. The expected
 * verdicts are written out by hand from the Confluent Schema Registry's JSON Schema semantics: BACKWARD asks
 * "can a reader on the new schema read old data", FORWARD "can a reader on the old schema read new data".
 */
class CompatibilityRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A closed customer schema; each row edits it. */
    private static final String CLOSED = """
            {"type": "object", "additionalProperties": false, "required": ["id"],
             "properties": {"id": {"type": "string"}, %s}}""";
    private static final String OPEN = """
            {"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}, %s}}""";

    record Row(String name, String before, String after, ChangeRule rule, String path, boolean backward, boolean forward) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> rows() {
        return Stream.of(
                row("description changed", closed("\"n\": {\"type\": \"string\", \"description\": \"a\"}"),
                        closed("\"n\": {\"type\": \"string\", \"description\": \"b\"}"), ChangeRule.ANNOTATION_CHANGED, "$.n", true, true),
                row("default changed", closed("\"n\": {\"type\": \"string\", \"default\": \"a\"}"),
                        closed("\"n\": {\"type\": \"string\", \"default\": \"b\"}"), ChangeRule.DEFAULT_CHANGED, "$.n", true, true),
                row("type widened to nullable", closed("\"n\": {\"type\": \"string\"}"),
                        closed("\"n\": {\"type\": [\"string\", \"null\"]}"), ChangeRule.TYPE_EXTENDED, "$.n", true, false),
                row("integer widened to number", closed("\"n\": {\"type\": \"integer\"}"),
                        closed("\"n\": {\"type\": \"number\"}"), ChangeRule.TYPE_EXTENDED, "$.n", true, false),
                row("number narrowed to integer", closed("\"n\": {\"type\": \"number\"}"),
                        closed("\"n\": {\"type\": \"integer\"}"), ChangeRule.TYPE_NARROWED, "$.n", false, true),
                row("type changed", closed("\"n\": {\"type\": \"string\"}"),
                        closed("\"n\": {\"type\": \"boolean\"}"), ChangeRule.TYPE_CHANGED, "$.n", false, false),
                row("enum extended", closed("\"n\": {\"enum\": [\"a\", \"b\"]}"),
                        closed("\"n\": {\"enum\": [\"a\", \"b\", \"c\"]}"), ChangeRule.ENUM_EXTENDED, "$.n", true, false),
                row("enum narrowed", closed("\"n\": {\"enum\": [\"a\", \"b\"]}"),
                        closed("\"n\": {\"enum\": [\"a\"]}"), ChangeRule.ENUM_NARROWED, "$.n", false, true),
                row("enum introduced", closed("\"n\": {\"type\": \"string\"}"),
                        closed("\"n\": {\"type\": \"string\", \"enum\": [\"a\"]}"), ChangeRule.ENUM_NARROWED, "$.n", false, true),
                row("enum changed", closed("\"n\": {\"enum\": [\"a\", \"b\"]}"),
                        closed("\"n\": {\"enum\": [\"a\", \"c\"]}"), ChangeRule.ENUM_CHANGED, "$.n", false, false),
                row("maxLength increased", closed("\"n\": {\"type\": \"string\", \"maxLength\": 10}"),
                        closed("\"n\": {\"type\": \"string\", \"maxLength\": 20}"), ChangeRule.CONSTRAINT_RELAXED, "$.n", true, false),
                row("maxLength decreased", closed("\"n\": {\"type\": \"string\", \"maxLength\": 20}"),
                        closed("\"n\": {\"type\": \"string\", \"maxLength\": 10}"), ChangeRule.CONSTRAINT_TIGHTENED, "$.n", false, true),
                row("minimum added", closed("\"n\": {\"type\": \"number\"}"),
                        closed("\"n\": {\"type\": \"number\", \"minimum\": 0}"), ChangeRule.CONSTRAINT_TIGHTENED, "$.n", false, true),
                row("minimum lowered", closed("\"n\": {\"type\": \"number\", \"minimum\": 5}"),
                        closed("\"n\": {\"type\": \"number\", \"minimum\": 0}"), ChangeRule.CONSTRAINT_RELAXED, "$.n", true, false),
                row("pattern removed", closed("\"n\": {\"type\": \"string\", \"pattern\": \"^a\"}"),
                        closed("\"n\": {\"type\": \"string\"}"), ChangeRule.CONSTRAINT_RELAXED, "$.n", true, false),
                row("pattern changed", closed("\"n\": {\"type\": \"string\", \"pattern\": \"^a\"}"),
                        closed("\"n\": {\"type\": \"string\", \"pattern\": \"^b\"}"), ChangeRule.CONSTRAINT_CHANGED, "$.n", false, false),
                row("multipleOf reduced", closed("\"n\": {\"type\": \"number\", \"multipleOf\": 10}"),
                        closed("\"n\": {\"type\": \"number\", \"multipleOf\": 5}"), ChangeRule.CONSTRAINT_RELAXED, "$.n", true, false),
                row("optional field added, closed model", closed("\"n\": {\"type\": \"string\"}"),
                        closed("\"n\": {\"type\": \"string\"}, \"m\": {\"type\": \"string\"}"),
                        ChangeRule.FIELD_ADDED_TO_CLOSED_MODEL, "$.m", true, false),
                row("optional field added, open model", open("\"n\": {\"type\": \"string\"}"),
                        open("\"n\": {\"type\": \"string\"}, \"m\": {\"type\": \"string\"}"),
                        ChangeRule.FIELD_ADDED_TO_OPEN_MODEL, "$.m", false, true),
                row("field removed, closed model", closed("\"n\": {\"type\": \"string\"}, \"m\": {\"type\": \"string\"}"),
                        closed("\"n\": {\"type\": \"string\"}"), ChangeRule.FIELD_REMOVED_FROM_CLOSED_MODEL, "$.m", false, true),
                row("field removed, open model", open("\"n\": {\"type\": \"string\"}, \"m\": {\"type\": \"string\"}"),
                        open("\"n\": {\"type\": \"string\"}"), ChangeRule.FIELD_REMOVED_FROM_OPEN_MODEL, "$.m", true, false),
                row("field made required", closed("\"n\": {\"type\": \"string\"}"),
                        withRequired(closed("\"n\": {\"type\": \"string\"}"), "n"), ChangeRule.REQUIRED_ADDED, "$.n", false, true),
                row("field with default made required", closed("\"n\": {\"type\": \"string\", \"default\": \"x\"}"),
                        withRequired(closed("\"n\": {\"type\": \"string\", \"default\": \"x\"}"), "n"),
                        ChangeRule.REQUIRED_WITH_DEFAULT_ADDED, "$.n", true, true),
                row("field made optional", withRequired(closed("\"n\": {\"type\": \"string\"}"), "n"),
                        closed("\"n\": {\"type\": \"string\"}"), ChangeRule.REQUIRED_REMOVED, "$.n", true, false),
                row("field with default made optional", withRequired(closed("\"n\": {\"type\": \"string\", \"default\": \"x\"}"), "n"),
                        closed("\"n\": {\"type\": \"string\", \"default\": \"x\"}"), ChangeRule.REQUIRED_WITH_DEFAULT_REMOVED, "$.n", true, true),
                row("content model opened", closed("\"n\": {\"type\": \"string\"}"),
                        open("\"n\": {\"type\": \"string\"}"), ChangeRule.CONTENT_MODEL_OPENED, "$", true, false),
                row("content model closed", open("\"n\": {\"type\": \"string\"}"),
                        closed("\"n\": {\"type\": \"string\"}"), ChangeRule.CONTENT_MODEL_CLOSED, "$", false, true),
                row("unknown keyword changed", closed("\"n\": {\"type\": \"string\", \"contentEncoding\": \"base64\"}"),
                        closed("\"n\": {\"type\": \"string\", \"contentEncoding\": \"base32\"}"), ChangeRule.KEYWORD_CHANGED, "$.n", false, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void eachRuleUnderEveryMode(Row row) throws Exception {
        JsonNode before = JSON.readTree(row.before());
        JsonNode after = JSON.readTree(row.after());

        assertThat(SchemaDiff.between(before, after)).extracting(SchemaChange::rule, SchemaChange::path)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(row.rule(), row.path()));
        List<VersionedSchema> earlier = List.of(new VersionedSchema(1, before));
        for (CompatibilityMode mode : CompatibilityMode.values()) {
            boolean expected = switch (mode) {
                case BACKWARD, BACKWARD_TRANSITIVE -> row.backward();
                case FORWARD, FORWARD_TRANSITIVE -> row.forward();
                case FULL, FULL_TRANSITIVE -> row.backward() && row.forward();
                case NONE -> true;
            };
            List<Incompatibility> found = Compatibility.check(mode, earlier, after);
            assertThat(found).as(row.name() + " under " + mode).hasSize(expected ? 0 : expectedCount(mode, row));
            found.forEach(i -> assertThat(i.change().path()).isEqualTo(row.path()));
            found.forEach(i -> assertThat(i.describe()).contains(row.path(), row.rule().name(), "version 1"));
        }
    }

    /** Under FULL a change that breaks both directions is reported once per direction. */
    private static int expectedCount(CompatibilityMode mode, Row row) {
        return mode.checksBackward() && mode.checksForward() && !row.backward() && !row.forward() ? 2 : 1;
    }

    private static Arguments row(String name, String before, String after, ChangeRule rule, String path, boolean backward,
                                 boolean forward) {
        return Arguments.of(new Row(name, before, after, rule, path, backward, forward));
    }

    static String closed(String properties) {
        return CLOSED.formatted(properties);
    }

    static String open(String properties) {
        return OPEN.formatted(properties);
    }

    static String withRequired(String schema, String field) {
        return schema.replace("\"required\": [\"id\"]", "\"required\": [\"id\", \"" + field + "\"]");
    }

    @org.junit.jupiter.api.Test
    void everyRuleHasARow() {
        List<ChangeRule> covered = new ArrayList<>();
        rows().forEach(a -> covered.add(((Row) a.get()[0]).rule()));
        assertThat(covered).containsAll(List.of(ChangeRule.values()));
    }
}
