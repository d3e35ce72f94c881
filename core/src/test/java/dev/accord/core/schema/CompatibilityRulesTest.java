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
 * Every change kind, as an (old, new) schema pair, judged under every compatibility mode. The expected verdicts are
 * written out by hand from the JSON Schema specification and the registry's semantics: BACKWARD asks "is every
 * document valid under the old schema valid under the new one", FORWARD the other way round.
 */
class CompatibilityRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A closed customer schema; each row edits the schema of its property {@code n}. */
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
        List<Arguments> rows = new ArrayList<>(List.of(
                row("description changed", n("{\"type\": \"string\", \"description\": \"a\"}"), n("{\"type\": \"string\", \"description\": \"b\"}"),
                        ChangeRule.ANNOTATION_CHANGED, "$.n", true, true),
                row("default changed", n("{\"type\": \"string\", \"default\": \"a\"}"), n("{\"type\": \"string\", \"default\": \"b\"}"),
                        ChangeRule.DEFAULT_CHANGED, "$.n", true, true),
                row("root $id changed", "{\"$id\": \"https://example.com/a\"}", "{\"$id\": \"https://example.com/b\"}",
                        ChangeRule.ID_CHANGED, "$", true, true),
                row("draft changed", "{\"$schema\": \"http://json-schema.org/draft-07/schema#\"}",
                        "{\"$schema\": \"https://json-schema.org/draft/2020-12/schema\"}", ChangeRule.DRAFT_CHANGED, "$", false, false),
                row("type widened to nullable", n("{\"type\": \"string\"}"), n("{\"type\": [\"string\", \"null\"]}"),
                        ChangeRule.TYPE_EXTENDED, "$.n", true, false),
                row("integer widened to number", n("{\"type\": \"integer\"}"), n("{\"type\": \"number\"}"), ChangeRule.TYPE_EXTENDED, "$.n", true, false),
                row("number narrowed to integer", n("{\"type\": \"number\"}"), n("{\"type\": \"integer\"}"), ChangeRule.TYPE_NARROWED, "$.n", false, true),
                row("type changed", n("{\"type\": \"string\"}"), n("{\"type\": \"boolean\"}"), ChangeRule.TYPE_CHANGED, "$.n", false, false),
                row("enum extended", n("{\"enum\": [\"a\", \"b\"]}"), n("{\"enum\": [\"a\", \"b\", \"c\"]}"), ChangeRule.ENUM_ARRAY_EXTENDED, "$.n", true, false),
                row("enum narrowed", n("{\"enum\": [\"a\", \"b\"]}"), n("{\"enum\": [\"a\"]}"), ChangeRule.ENUM_ARRAY_NARROWED, "$.n", false, true),
                row("const introduced", n("{\"type\": \"string\"}"), n("{\"type\": \"string\", \"const\": \"a\"}"),
                        ChangeRule.ENUM_ARRAY_NARROWED, "$.n", false, true),
                row("enum changed", n("{\"enum\": [\"a\", \"b\"]}"), n("{\"enum\": [\"a\", \"c\"]}"), ChangeRule.ENUM_ARRAY_CHANGED, "$.n", false, false),
                row("multipleOf added", n("{\"type\": \"number\"}"), n("{\"type\": \"number\", \"multipleOf\": 5}"),
                        ChangeRule.MULTIPLE_OF_ADDED, "$.n", false, true),
                row("multipleOf removed", n("{\"type\": \"number\", \"multipleOf\": 5}"), n("{\"type\": \"number\"}"),
                        ChangeRule.MULTIPLE_OF_REMOVED, "$.n", true, false),
                row("multipleOf reduced", n("{\"type\": \"number\", \"multipleOf\": 10}"), n("{\"type\": \"number\", \"multipleOf\": 5}"),
                        ChangeRule.MULTIPLE_OF_REDUCED, "$.n", true, false),
                row("multipleOf expanded", n("{\"type\": \"number\", \"multipleOf\": 5}"), n("{\"type\": \"number\", \"multipleOf\": 10}"),
                        ChangeRule.MULTIPLE_OF_EXPANDED, "$.n", false, true),
                row("multipleOf changed", n("{\"type\": \"number\", \"multipleOf\": 3}"), n("{\"type\": \"number\", \"multipleOf\": 5}"),
                        ChangeRule.MULTIPLE_OF_CHANGED, "$.n", false, false),
                row("pattern added", n("{\"type\": \"string\"}"), n("{\"type\": \"string\", \"pattern\": \"^a\"}"), ChangeRule.PATTERN_ADDED, "$.n", false, true),
                row("pattern removed", n("{\"type\": \"string\", \"pattern\": \"^a\"}"), n("{\"type\": \"string\"}"), ChangeRule.PATTERN_REMOVED, "$.n", true, false),
                row("pattern changed", n("{\"type\": \"string\", \"pattern\": \"^a\"}"), n("{\"type\": \"string\", \"pattern\": \"^b\"}"),
                        ChangeRule.PATTERN_CHANGED, "$.n", false, false),
                row("format added", n("{\"type\": \"string\"}"), n("{\"type\": \"string\", \"format\": \"email\"}"), ChangeRule.FORMAT_ADDED, "$.n", false, true),
                row("format removed", n("{\"type\": \"string\", \"format\": \"email\"}"), n("{\"type\": \"string\"}"), ChangeRule.FORMAT_REMOVED, "$.n", true, false),
                row("format changed", n("{\"type\": \"string\", \"format\": \"email\"}"), n("{\"type\": \"string\", \"format\": \"date\"}"),
                        ChangeRule.FORMAT_CHANGED, "$.n", false, false),
                row("uniqueItems added", n("{\"type\": \"array\"}"), n("{\"type\": \"array\", \"uniqueItems\": true}"),
                        ChangeRule.UNIQUE_ITEMS_ADDED, "$.n", false, true),
                row("uniqueItems removed", n("{\"type\": \"array\", \"uniqueItems\": true}"), n("{\"type\": \"array\", \"uniqueItems\": false}"),
                        ChangeRule.UNIQUE_ITEMS_REMOVED, "$.n", true, false),
                row("field made required", n("{\"type\": \"string\"}"), withRequired(n("{\"type\": \"string\"}"), "n"),
                        ChangeRule.REQUIRED_ATTRIBUTE_ADDED, "$.n", false, true),
                row("field with default made required (stricter than the registry)", n("{\"type\": \"string\", \"default\": \"x\"}"),
                        withRequired(n("{\"type\": \"string\", \"default\": \"x\"}"), "n"),
                        ChangeRule.REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED, "$.n", false, true),
                row("field made optional", withRequired(n("{\"type\": \"string\"}"), "n"), n("{\"type\": \"string\"}"),
                        ChangeRule.REQUIRED_ATTRIBUTE_REMOVED, "$.n", true, false),
                row("a name made required that no property declares (the registry ignores it; Accord does not)",
                        "{\"type\": \"object\"}", "{\"type\": \"object\", \"required\": [\"x\"]}", ChangeRule.REQUIRED_ATTRIBUTE_ADDED, "$.x", false, true),
                row("optional field added, closed model", closed("\"n\": {\"type\": \"string\"}"),
                        closed("\"n\": {\"type\": \"string\"}, \"m\": {\"type\": \"string\"}"),
                        ChangeRule.PROPERTY_ADDED_TO_CLOSED_CONTENT_MODEL, "$.m", true, false),
                row("optional field added, open model", open("\"n\": {\"type\": \"string\"}"),
                        open("\"n\": {\"type\": \"string\"}, \"m\": {\"type\": \"string\"}"),
                        ChangeRule.PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL, "$.m", false, true),
                row("field added where additionalProperties already allowed it", partlyOpen("\"n\": {\"type\": \"string\"}", "{\"type\": \"string\"}"),
                        partlyOpen("\"n\": {\"type\": \"string\"}, \"m\": {\"type\": \"string\", \"maxLength\": 9}", "{\"type\": \"string\"}"),
                        ChangeRule.PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL, "$.m", false, true),
                row("field added, wider than additionalProperties", partlyOpen("\"n\": {\"type\": \"string\"}", "{\"type\": \"string\"}"),
                        partlyOpen("\"n\": {\"type\": \"string\"}, \"m\": {\"type\": [\"string\", \"null\"]}", "{\"type\": \"string\"}"),
                        ChangeRule.PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL, "$.m", true, false),
                row("field removed, closed model", closed("\"n\": {\"type\": \"string\"}, \"m\": {\"type\": \"string\"}"),
                        closed("\"n\": {\"type\": \"string\"}"), ChangeRule.PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL, "$.m", false, true),
                row("field removed, open model", open("\"n\": {\"type\": \"string\"}, \"m\": {\"type\": \"string\"}"),
                        open("\"n\": {\"type\": \"string\"}"), ChangeRule.PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL, "$.m", true, false),
                row("field removed, additionalProperties still takes it",
                        partlyOpen("\"n\": {\"type\": \"string\"}, \"m\": {\"type\": \"string\", \"maxLength\": 3}", "{\"type\": \"string\"}"),
                        partlyOpen("\"n\": {\"type\": \"string\"}", "{\"type\": \"string\"}"),
                        ChangeRule.PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL, "$.m", true, false),
                row("field removed, additionalProperties of another type",
                        partlyOpen("\"n\": {\"type\": \"string\"}, \"m\": {\"type\": \"string\"}", "{\"type\": \"number\"}"),
                        partlyOpen("\"n\": {\"type\": \"string\"}", "{\"type\": \"number\"}"),
                        ChangeRule.PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL, "$.m", false, false),
                row("content model opened", closed("\"n\": {\"type\": \"string\"}"), open("\"n\": {\"type\": \"string\"}"),
                        ChangeRule.ADDITIONAL_PROPERTIES_ADDED, "$", true, false),
                row("content model closed", open("\"n\": {\"type\": \"string\"}"), closed("\"n\": {\"type\": \"string\"}"),
                        ChangeRule.ADDITIONAL_PROPERTIES_REMOVED, "$", false, true),
                row("additionalProperties schema changed type", "{\"type\": \"object\", \"additionalProperties\": {\"type\": \"string\"}}",
                        "{\"type\": \"object\", \"additionalProperties\": {\"type\": \"number\"}}", ChangeRule.TYPE_CHANGED, "$.*", false, false),
                row("patternProperties narrowed", "{\"patternProperties\": {\"^x\": {\"type\": \"string\"}}}",
                        "{\"patternProperties\": {\"^x\": {\"type\": \"string\", \"maxLength\": 2}}}",
                        ChangeRule.PATTERN_PROPERTIES_NARROWED, "$./^x/", false, true),
                row("patternProperties widened", "{\"patternProperties\": {\"^x\": {\"type\": \"string\"}}}",
                        "{\"patternProperties\": {\"^x\": {\"type\": [\"string\", \"number\"]}}}",
                        ChangeRule.PATTERN_PROPERTIES_EXTENDED, "$./^x/", true, false),
                row("patternProperties changed", "{\"patternProperties\": {\"^x\": {\"type\": \"string\"}}}",
                        "{\"patternProperties\": {\"^x\": {\"type\": \"number\"}}}", ChangeRule.PATTERN_PROPERTIES_CHANGED, "$./^x/", false, false),
                row("propertyNames narrowed", "{\"propertyNames\": {\"maxLength\": 5}}", "{\"propertyNames\": {\"maxLength\": 3}}",
                        ChangeRule.PROPERTY_NAMES_NARROWED, "$", false, true),
                row("propertyNames widened", "{\"propertyNames\": {\"maxLength\": 3}}", "{\"propertyNames\": {\"maxLength\": 5}}",
                        ChangeRule.PROPERTY_NAMES_EXTENDED, "$", true, false),
                row("propertyNames changed", "{\"propertyNames\": {\"pattern\": \"^a\"}}", "{\"propertyNames\": {\"pattern\": \"^b\"}}",
                        ChangeRule.PROPERTY_NAMES_CHANGED, "$", false, false),
                row("dependentRequired added", "{\"type\": \"object\"}", "{\"type\": \"object\", \"dependentRequired\": {\"a\": [\"b\"]}}",
                        ChangeRule.DEPENDENCY_ARRAY_ADDED, "$", false, true),
                row("dependentRequired removed", "{\"type\": \"object\", \"dependentRequired\": {\"a\": [\"b\"]}}", "{\"type\": \"object\"}",
                        ChangeRule.DEPENDENCY_ARRAY_REMOVED, "$", true, false),
                row("dependencies array extended", "{\"dependencies\": {\"a\": [\"b\"]}}", "{\"dependencies\": {\"a\": [\"b\", \"c\"]}}",
                        ChangeRule.DEPENDENCY_ARRAY_EXTENDED, "$", false, true),
                row("dependencies array narrowed", "{\"dependencies\": {\"a\": [\"b\", \"c\"]}}", "{\"dependencies\": {\"a\": [\"b\"]}}",
                        ChangeRule.DEPENDENCY_ARRAY_NARROWED, "$", true, false),
                row("dependentRequired changed", "{\"dependentRequired\": {\"a\": [\"b\"]}}", "{\"dependentRequired\": {\"a\": [\"c\"]}}",
                        ChangeRule.DEPENDENCY_ARRAY_CHANGED, "$", false, false),
                row("dependentSchemas added", "{\"type\": \"object\"}", "{\"type\": \"object\", \"dependentSchemas\": {\"a\": {\"maxProperties\": 2}}}",
                        ChangeRule.DEPENDENCY_SCHEMA_ADDED, "$", false, true),
                row("dependentSchemas removed", "{\"dependentSchemas\": {\"a\": {\"maxProperties\": 2}}}", "{}",
                        ChangeRule.DEPENDENCY_SCHEMA_REMOVED, "$", true, false),
                row("dependentSchemas widened", "{\"dependentSchemas\": {\"a\": {\"maxProperties\": 2}}}", "{\"dependentSchemas\": {\"a\": {\"maxProperties\": 3}}}",
                        ChangeRule.DEPENDENCY_SCHEMA_EXTENDED, "$", true, false),
                row("dependentSchemas narrowed", "{\"dependentSchemas\": {\"a\": {\"maxProperties\": 3}}}", "{\"dependentSchemas\": {\"a\": {\"maxProperties\": 2}}}",
                        ChangeRule.DEPENDENCY_SCHEMA_NARROWED, "$", false, true),
                row("dependentSchemas changed", "{\"dependentSchemas\": {\"a\": {\"required\": [\"b\"]}}}", "{\"dependentSchemas\": {\"a\": {\"required\": [\"c\"]}}}",
                        ChangeRule.DEPENDENCY_SCHEMA_CHANGED, "$", false, false),
                row("tuple position added, open", "{\"prefixItems\": [{\"type\": \"string\"}]}",
                        "{\"prefixItems\": [{\"type\": \"string\"}, {\"type\": \"number\"}]}", ChangeRule.ITEM_ADDED_TO_OPEN_CONTENT_MODEL, "$[1]", false, true),
                row("tuple position added, closed", "{\"prefixItems\": [{\"type\": \"string\"}], \"items\": false}",
                        "{\"prefixItems\": [{\"type\": \"string\"}, {\"type\": \"number\"}], \"items\": false}",
                        ChangeRule.ITEM_ADDED_TO_CLOSED_CONTENT_MODEL, "$[1]", true, false),
                row("tuple position added, covered", "{\"prefixItems\": [{\"type\": \"string\"}], \"items\": {\"type\": \"number\"}}",
                        "{\"prefixItems\": [{\"type\": \"string\"}, {\"type\": [\"number\", \"null\"]}], \"items\": {\"type\": \"number\"}}",
                        ChangeRule.ITEM_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL, "$[1]", true, false),
                row("tuple position added, not covered", "{\"prefixItems\": [{\"type\": \"string\"}], \"items\": {\"type\": \"number\"}}",
                        "{\"prefixItems\": [{\"type\": \"string\"}, {\"type\": \"integer\"}], \"items\": {\"type\": \"number\"}}",
                        ChangeRule.ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL, "$[1]", false, true),
                row("tuple position removed, open", "{\"prefixItems\": [{\"type\": \"string\"}, {\"type\": \"number\"}]}",
                        "{\"prefixItems\": [{\"type\": \"string\"}]}", ChangeRule.ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL, "$[1]", true, false),
                row("tuple position removed, closed", "{\"prefixItems\": [{\"type\": \"string\"}, {\"type\": \"number\"}], \"items\": false}",
                        "{\"prefixItems\": [{\"type\": \"string\"}], \"items\": false}", ChangeRule.ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL, "$[1]", false, true),
                row("tuple position removed, covered", "{\"prefixItems\": [{\"type\": \"string\"}, {\"type\": \"integer\"}], \"items\": {\"type\": \"number\"}}",
                        "{\"prefixItems\": [{\"type\": \"string\"}], \"items\": {\"type\": \"number\"}}",
                        ChangeRule.ITEM_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL, "$[1]", true, false),
                row("tuple position removed, not covered", "{\"prefixItems\": [{\"type\": \"string\"}, {\"type\": \"boolean\"}], \"items\": {\"type\": \"number\"}}",
                        "{\"prefixItems\": [{\"type\": \"string\"}], \"items\": {\"type\": \"number\"}}",
                        ChangeRule.ITEM_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL, "$[1]", false, false),
                row("draft-07 additionalItems closed", DRAFT7 + "\"items\": [{\"type\": \"string\"}]}", DRAFT7 + "\"items\": [{\"type\": \"string\"}], \"additionalItems\": false}",
                        ChangeRule.ADDITIONAL_ITEMS_REMOVED, "$[*]", false, true),
                row("draft-07 additionalItems opened", DRAFT7 + "\"items\": [{\"type\": \"string\"}], \"additionalItems\": false}", DRAFT7 + "\"items\": [{\"type\": \"string\"}]}",
                        ChangeRule.ADDITIONAL_ITEMS_ADDED, "$[*]", true, false),
                row("draft-07 array-form items changed type", DRAFT7 + "\"items\": [{\"type\": \"string\"}]}", DRAFT7 + "\"items\": [{\"type\": \"number\"}]}",
                        ChangeRule.TYPE_CHANGED, "$[0]", false, false),
                row("contains added", "{\"type\": \"array\"}", "{\"type\": \"array\", \"contains\": {\"type\": \"string\"}}", ChangeRule.CONTAINS_ADDED, "$", false, true),
                row("contains removed", "{\"type\": \"array\", \"contains\": {\"type\": \"string\"}}", "{\"type\": \"array\"}", ChangeRule.CONTAINS_REMOVED, "$", true, false),
                row("contains widened", "{\"contains\": {\"type\": \"string\"}}", "{\"contains\": {\"type\": [\"string\", \"null\"]}}",
                        ChangeRule.CONTAINS_EXTENDED, "$", true, false),
                row("contains narrowed", "{\"contains\": {\"type\": \"number\"}}", "{\"contains\": {\"type\": \"integer\"}}",
                        ChangeRule.CONTAINS_NARROWED, "$", false, true),
                row("contains widened under maxContains", "{\"contains\": {\"type\": \"string\"}, \"maxContains\": 2}",
                        "{\"contains\": {\"type\": [\"string\", \"null\"]}, \"maxContains\": 2}", ChangeRule.CONTAINS_CHANGED, "$", false, false),
                row("anyOf extended", "{\"anyOf\": [{\"type\": \"string\"}]}", "{\"anyOf\": [{\"type\": \"string\"}, {\"type\": \"number\"}]}",
                        ChangeRule.SUM_TYPE_EXTENDED, "$", true, false),
                row("oneOf narrowed", "{\"oneOf\": [{\"type\": \"string\"}, {\"type\": \"number\"}]}", "{\"oneOf\": [{\"type\": \"string\"}]}",
                        ChangeRule.SUM_TYPE_NARROWED, "$", false, true),
                row("allOf member added", "{\"allOf\": [{\"type\": \"string\"}]}", "{\"allOf\": [{\"type\": \"string\"}, {\"maxLength\": 3}]}",
                        ChangeRule.PRODUCT_TYPE_EXTENDED, "$", false, true),
                row("allOf member removed", "{\"allOf\": [{\"type\": \"string\"}, {\"maxLength\": 3}]}", "{\"allOf\": [{\"type\": \"string\"}]}",
                        ChangeRule.PRODUCT_TYPE_NARROWED, "$", true, false),
                row("not widened", "{\"not\": {\"type\": \"string\"}}", "{\"not\": {\"type\": [\"string\", \"null\"]}}",
                        ChangeRule.NOT_TYPE_EXTENDED, "$", false, true),
                row("not narrowed", "{\"not\": {\"type\": [\"string\", \"null\"]}}", "{\"not\": {\"type\": \"string\"}}",
                        ChangeRule.NOT_TYPE_NARROWED, "$", true, false),
                row("not changed", "{\"not\": {\"type\": \"string\"}}", "{\"not\": {\"type\": \"number\"}}", ChangeRule.NOT_TYPE_CHANGED, "$", false, false),
                row("if/then added", "{\"type\": \"object\"}", "{\"type\": \"object\", \"if\": {\"required\": [\"a\"]}, \"then\": {\"required\": [\"b\"]}}",
                        ChangeRule.CONDITIONAL_ADDED, "$", false, true),
                row("if/then removed", "{\"type\": \"object\", \"if\": {\"required\": [\"a\"]}, \"then\": {\"required\": [\"b\"]}}", "{\"type\": \"object\"}",
                        ChangeRule.CONDITIONAL_REMOVED, "$", true, false),
                row("if changed", "{\"if\": {\"required\": [\"a\"]}, \"then\": {\"required\": [\"b\"]}}",
                        "{\"if\": {\"required\": [\"c\"]}, \"then\": {\"required\": [\"b\"]}}", ChangeRule.UNDECIDABLE, "$", false, false),
                row("items became false", "{\"type\": \"array\", \"items\": true}", "{\"type\": \"array\", \"items\": false}",
                        ChangeRule.ADDITIONAL_ITEMS_REMOVED, "$[*]", false, true),
                row("items became true", "{\"type\": \"array\", \"items\": false}", "{\"type\": \"array\", \"items\": true}",
                        ChangeRule.ADDITIONAL_ITEMS_ADDED, "$[*]", true, false),
                row("a property's schema became false", n("{\"type\": \"string\"}"), n("false"), ChangeRule.SCHEMA_REMOVED, "$.n", false, true),
                row("a property's schema was false", n("false"), n("{\"type\": \"string\"}"), ChangeRule.SCHEMA_ADDED, "$.n", true, false),
                row("unknown keyword changed", n("{\"type\": \"string\", \"contentEncoding\": \"base64\"}"),
                        n("{\"type\": \"string\", \"contentEncoding\": \"base32\"}"), ChangeRule.KEYWORD_CHANGED, "$.n", false, false)));
        rows.addAll(bounds());
        return rows.stream();
    }

    private static final String DRAFT7 = "{\"$schema\": \"http://json-schema.org/draft-07/schema#\", \"type\": \"array\", ";

    /** Each bound added, removed, loosened and tightened. */
    private static List<Arguments> bounds() {
        List<Arguments> rows = new ArrayList<>();
        record Bound(String keyword, String type, int low, int high, boolean upper) {}
        List<Bound> bounds = List.of(new Bound("maxLength", "string", 3, 5, true), new Bound("minLength", "string", 3, 5, false),
                new Bound("maximum", "number", 3, 5, true), new Bound("minimum", "number", 3, 5, false),
                new Bound("exclusiveMaximum", "number", 3, 5, true), new Bound("exclusiveMinimum", "number", 3, 5, false),
                new Bound("maxItems", "array", 3, 5, true), new Bound("minItems", "array", 3, 5, false),
                new Bound("maxProperties", "object", 3, 5, true), new Bound("minProperties", "object", 3, 5, false),
                new Bound("maxContains", "array", 3, 5, true), new Bound("minContains", "array", 3, 5, false));
        for (Bound b : bounds) {
            String stem = BoundNames.stem(b.keyword());
            String base = "\"type\": \"" + b.type() + "\"" + (b.keyword().endsWith("Contains") ? ", \"contains\": {\"type\": \"string\"}" : "");
            String low = "{" + base + ", \"" + b.keyword() + "\": " + b.low() + "}";
            String high = "{" + base + ", \"" + b.keyword() + "\": " + b.high() + "}";
            String none = "{" + base + "}";
            String loose = b.upper() ? high : low;
            String tight = b.upper() ? low : high;
            rows.add(row(b.keyword() + " added", none, tight, ChangeRule.valueOf(stem + "_ADDED"), "$", false, true));
            rows.add(row(b.keyword() + " removed", tight, none, ChangeRule.valueOf(stem + "_REMOVED"), "$", true, false));
            rows.add(row(b.keyword() + " loosened", tight, loose, ChangeRule.valueOf(stem + (b.upper() ? "_INCREASED" : "_DECREASED")), "$", true, false));
            rows.add(row(b.keyword() + " tightened", loose, tight, ChangeRule.valueOf(stem + (b.upper() ? "_DECREASED" : "_INCREASED")), "$", false, true));
        }
        return rows;
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

    /** The closed schema with property {@code n} of the given schema. */
    static String n(String schema) {
        return closed("\"n\": " + schema);
    }

    static String closed(String properties) {
        return CLOSED.formatted(properties);
    }

    static String open(String properties) {
        return OPEN.formatted(properties);
    }

    static String partlyOpen(String properties, String additional) {
        return "{\"type\": \"object\", \"additionalProperties\": " + additional + ", \"properties\": {" + properties + "}}";
    }

    static String withRequired(String schema, String field) {
        return schema.replace("\"required\": [\"id\"]", "\"required\": [\"id\", \"" + field + "\"]");
    }

    @org.junit.jupiter.api.Test
    void aOneOfExtendedWithAnOverlappingMemberIsNotBackwardCompatible() throws Exception {
        JsonNode before = JSON.readTree("{\"oneOf\": [{\"type\": \"string\"}, {\"type\": \"number\"}]}");
        JsonNode exclusive = JSON.readTree("{\"oneOf\": [{\"type\": \"string\"}, {\"type\": \"number\"}, {\"type\": \"null\"}]}");
        JsonNode overlapping = JSON.readTree("{\"oneOf\": [{\"type\": \"string\"}, {\"type\": \"number\"}, {\"maxLength\": 3}]}");

        assertThat(SchemaDiff.between(before, exclusive)).extracting(SchemaChange::rule).containsExactly(ChangeRule.SUM_TYPE_EXTENDED);
        assertThat(SchemaDiff.backwardCompatible(before, exclusive)).isTrue();
        assertThat(SchemaDiff.between(before, overlapping)).extracting(SchemaChange::rule)
                .containsExactly(ChangeRule.SUM_TYPE_EXTENDED, ChangeRule.SUM_TYPE_MEMBERS_OVERLAP);
        assertThat(SchemaDiff.backwardCompatible(before, overlapping)).as("\"ab\" matched one member, now two").isFalse();
        assertThat(SchemaDiff.forwardCompatible(before, overlapping)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void everyRuleHasARow() {
        List<ChangeRule> covered = new ArrayList<>(List.of(ChangeRule.SUM_TYPE_MEMBERS_OVERLAP));
        rows().forEach(a -> covered.add(((Row) a.get()[0]).rule()));
        List<ChangeRule> missing = new ArrayList<>(List.of(ChangeRule.values()));
        missing.removeAll(covered);
        assertThat(missing).as("change kinds without a row").isEmpty();
    }
}
